import { randomBytes } from "node:crypto";

function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** "Dr. José Núñez", "MD" → "dr-jose-nunez-md": the profile URL people share, stable once made. */
export function baseSlug(name: string, credentials: string): string {
  const words = slugify(name).slice(0, 50).replace(/-+$/, "");
  return `${words.length >= 2 ? words : "provider"}-${slugify(credentials)}`;
}

/** The slug, then numbered variants, then random ones: the first free one wins. */
export function* slugCandidates(name: string, credentials: string): Generator<string> {
  const base = baseSlug(name, credentials);
  yield base;
  for (let n = 2; n <= 5; n++) yield `${base}-${n}`;
  for (let i = 0; i < 5; i++) yield `${base}-${randomBytes(3).toString("hex")}`;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True for a string shaped like a profile slug: anything else names no provider, whatever it holds. */
export const isSlug = (value: string): boolean => value.length <= 200 && SLUG.test(value);
