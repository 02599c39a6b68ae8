import "server-only";
import { fileTypeFromBuffer } from "file-type/core";
import sharp from "sharp";
import { log } from "@/lib/log/logger";
import { hasTrailingData, imageEnd, type PhotoType } from "./image-end";

// Every uploaded photo is decoded and encoded again, so what is stored and served is pixels only.
// sharp (libvips; maintained, prebuilt binaries install from npm with no compiler) writes no
// metadata unless asked, so EXIF (camera, time, GPS position), XMP, IPTC and ICC profiles stay
// behind, with colours converted to sRGB first. The photo is turned upright by its EXIF
// orientation before that goes, and scaled to fit STORED_SIDE.

export const STORED_SIDE = 1024;
export const STORED_TYPE = "image/webp";
/** A 1024-pixel WebP photo is 50–250 kB; noise-like images are encoded again more coarsely to fit. */
export const MAX_STORED_BYTES = 512 * 1024;
// Larger inputs are refused before decoding: 40 megapixels covers any camera photo within the
// upload limit, while a small file declaring huge dimensions cannot exhaust memory.
const MAX_INPUT_PIXELS = 40_000_000;
const QUALITIES = [80, 60, 40];

const PHOTO_TYPES = new Set<string>(["image/jpeg", "image/png", "image/webp"]);

export const PHOTO_WRONG_TYPE = "Choose a JPEG, PNG or WebP photo.";
export const PHOTO_UNREADABLE = "This file could not be read as a photo: it may be damaged or cut short. Export it again as a JPEG, PNG or WebP and upload that.";
export const PHOTO_NOT_ONLY_A_PHOTO = "This file holds more than a photo (something is attached after the image, as in a motion photo). Save it as a plain JPEG, PNG or WebP and upload that.";
export const PHOTO_TOO_MANY_PIXELS = "This photo has more than 40 megapixels. Choose a smaller one.";
export const PHOTO_TOO_DETAILED = "This photo could not be made small enough. Choose a simpler or smaller photo.";

export type EncodedPhoto = { ok: true; bytes: Buffer; contentType: typeof STORED_TYPE; width: number; height: number } | { ok: false; error: string };

/**
 * The image type read from the file's own bytes (its magic number), never from the name or the
 * type the browser claimed, or null when it is not a JPEG, PNG or WebP. Only these reach libvips,
 * which also decodes SVG, TIFF, HEIF and more.
 */
export async function detectPhotoType(bytes: Uint8Array): Promise<PhotoType | null> {
  const detected = await fileTypeFromBuffer(bytes);
  return detected && PHOTO_TYPES.has(detected.mime) ? (detected.mime as PhotoType) : null;
}

/** An upload as it will be stored: re-encoded WebP, metadata-free, at most STORED_SIDE on its longer side. */
export async function encodePhoto(bytes: Uint8Array): Promise<EncodedPhoto> {
  const type = await detectPhotoType(bytes);
  if (!type) return { ok: false, error: PHOTO_WRONG_TYPE };
  const end = imageEnd(bytes, type);
  if (end === null) return { ok: false, error: PHOTO_UNREADABLE };
  if (hasTrailingData(bytes, end)) return { ok: false, error: PHOTO_NOT_ONLY_A_PHOTO };
  try {
    // "warning" (sharp's default, stated because it is the point) fails on a truncated or corrupt
    // scan instead of storing a half-grey photo; animated input keeps its first frame.
    // The header alone, so the dimensions are checked before a single pixel is decoded (sharp's
    // own limit, kept below as a second guard, would only say "could not be read").
    const { format, width, height } = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (`image/${format}` !== type) return { ok: false, error: PHOTO_UNREADABLE };
    if (width * height > MAX_INPUT_PIXELS) return { ok: false, error: PHOTO_TOO_MANY_PIXELS };
    const input = sharp(bytes, { failOn: "warning", limitInputPixels: MAX_INPUT_PIXELS, autoOrient: true, animated: false });
    const resized = input.resize({ width: STORED_SIDE, height: STORED_SIDE, fit: "inside", withoutEnlargement: true });
    for (const quality of QUALITIES) {
      const { data, info } = await resized.clone().webp({ quality }).toBuffer({ resolveWithObject: true });
      if (data.byteLength <= MAX_STORED_BYTES) return { ok: true, bytes: data, contentType: STORED_TYPE, width: info.width, height: info.height };
    }
    return { ok: false, error: PHOTO_TOO_DETAILED };
  } catch (error) {
    // libvips' message names the decoder's complaint, not anything a provider can act on.
    log.warn("photo_unreadable", {}, error);
    return { ok: false, error: PHOTO_UNREADABLE };
  }
}
