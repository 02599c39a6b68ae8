// Where an image file's own data ends, read from its structure: PNG's chunks up to IEND, JPEG's
// segments and scans up to EOI, WebP's RIFF size. A file with more after that end is two files in
// one (a photo with an archive, a page or a script appended: a polyglot), and one that ends early
// is truncated. Pure, so the rules are tested byte by byte.

export type PhotoType = "image/jpeg" | "image/png" | "image/webp";

/** The offset just past the image's last byte, or null when the structure ends before the file says it does. */
export function imageEnd(bytes: Uint8Array, type: PhotoType): number | null {
  switch (type) {
    case "image/png":
      return pngEnd(bytes);
    case "image/jpeg":
      return jpegEnd(bytes);
    case "image/webp":
      return webpEnd(bytes);
  }
}

/** True when bytes follow the image's own end; zero padding (which some encoders write) does not count. */
export function hasTrailingData(bytes: Uint8Array, end: number): boolean {
  for (let i = end; i < bytes.length; i++) if (bytes[i] !== 0) return true;
  return false;
}

const uint32 = (bytes: Uint8Array, at: number) => ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
const uint32le = (bytes: Uint8Array, at: number) => (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;

function pngEnd(bytes: Uint8Array): number | null {
  // 8-byte signature, then chunks of length (4), type (4), data, CRC (4).
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = uint32(bytes, at);
    const type = String.fromCharCode(bytes[at + 4]!, bytes[at + 5]!, bytes[at + 6]!, bytes[at + 7]!);
    const next = at + 12 + length;
    if (next > bytes.length) return null;
    if (type === "IEND") return next;
    at = next;
  }
  return null;
}

function jpegEnd(bytes: Uint8Array): number | null {
  // SOI, then markers: standalone ones (RSTn, TEM), EOI, or segments with a 2-byte length. After
  // a scan header (SOS) comes entropy-coded data, in which 0xFF is followed by 0x00 (a stuffed
  // byte) or RSTn; any other marker ends the scan. A progressive file has several scans.
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    while (bytes[at] === 0xff) at++;
    if (at >= bytes.length) return null;
    const marker = bytes[at]!;
    at++;
    if (marker === 0xd9) return at;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (at + 2 > bytes.length) return null;
    const length = (bytes[at]! << 8) | bytes[at + 1]!;
    if (length < 2) return null;
    at += length;
    if (at > bytes.length) return null;
    if (marker === 0xda) {
      while (at + 1 < bytes.length && !(bytes[at] === 0xff && bytes[at + 1] !== 0x00 && !(bytes[at + 1]! >= 0xd0 && bytes[at + 1]! <= 0xd7))) at++;
      if (at + 1 >= bytes.length) return null;
    }
  }
  return null;
}

function webpEnd(bytes: Uint8Array): number | null {
  // "RIFF", the size of what follows (little-endian), "WEBP"; the size is padded to an even length.
  if (bytes.length < 12) return null;
  const size = uint32le(bytes, 4);
  const end = 8 + size + (size % 2);
  return end > bytes.length ? null : end;
}
