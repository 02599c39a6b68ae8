import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { intakeEncryptionKey } from "@/lib/env";

// Health information at rest: AES-256-GCM with a fresh 96-bit IV per record and the record's own
// id as associated data, so a ciphertext copied onto another row fails to open. The format names
// its version, so a later key rotation can tell old records from new ones.
const VERSION = "v1";
const ALGORITHM = "aes-256-gcm";

export class SealedDataError extends Error {
  constructor() {
    super("Stored health information could not be decrypted: wrong key, or the record was altered.");
    this.name = "SealedDataError";
  }
}

export function sealJson(value: unknown, recordId: string, key: Buffer = intakeEncryptionKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(recordId, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), ciphertext.toString("base64")].join(".");
}

export function openJson(sealed: string, recordId: string, key: Buffer = intakeEncryptionKey()): unknown {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new SealedDataError();
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, "base64"));
    decipher.setAAD(Buffer.from(recordId, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64")), decipher.final()]);
    return JSON.parse(plaintext.toString("utf8"));
  } catch {
    throw new SealedDataError();
  }
}
