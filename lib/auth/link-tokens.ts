import "server-only";
import { createHash, randomBytes } from "node:crypto";

// The secret in an emailed link: 32 random bytes, far beyond guessing, so the link itself needs no
// attempt limit. Only its SHA-256 is stored; a fast hash is enough for a value with that much
// entropy, and it lets the row be found by the hash alone.

export function linkTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: linkTokenHash(token) };
}
