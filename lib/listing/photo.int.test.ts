import { randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { providerPhotos } from "@/db/schema";
import { createProvider, createUser, seedReferenceData } from "@/db/testing/fixtures";
import { ForbiddenError } from "@/lib/auth/authorize";
import { getPhoto, MAX_PHOTO_BYTES, removeOwnPhoto, saveOwnPhoto } from "./photo";
import { MAX_STORED_BYTES, PHOTO_NOT_ONLY_A_PHOTO, PHOTO_TOO_MANY_PIXELS, PHOTO_UNREADABLE, PHOTO_WRONG_TYPE } from "./photo-encoding";
import { getOwnListing } from "./queries";

// A real 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

/**
 * A 2400×1600 camera photo turned on its side (EXIF orientation 6), with the camera's make, a GPS
 * position and an ICC profile, as a phone writes one.
 */
async function cameraJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1600, channels: 3, background: { r: 200, g: 120, b: 60 } } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: "CanaryCam", Model: "Canary One" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "40/1 44/1 3912/100", GPSLongitudeRef: "W", GPSLongitude: "73/1 58/1 4116/100", GPSMapDatum: "CANARY-GPS-DATUM" },
    })
    .toBuffer();
}

/** A PNG whose header claims `side`×`side` pixels, with almost no data behind it. */
function pngClaiming(side: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([PNG.subarray(0, 8), chunk("IHDR", header), chunk("IDAT", Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])), chunk("IEND", Buffer.alloc(0))]);
}

async function providerWithListing() {
  const user = await createUser("provider");
  await createProvider({ provider: { userId: user.id } });
  return user;
}

const storedPhoto = async (user: Awaited<ReturnType<typeof providerWithListing>>) => {
  const url = (await getOwnListing(user))!.photoUrl!;
  expect(url).toMatch(/^\/api\/photos\/[0-9a-f-]{36}$/);
  return (await getPhoto(url.split("/").at(-1)!))!;
};

beforeAll(async () => {
  await seedReferenceData();
});

describe("listing photos", () => {
  it("are re-encoded: upright, at most 1024 px, with no EXIF, GPS position, camera or colour profile left", async () => {
    const user = await providerWithListing();
    const upload = await cameraJpeg();
    const before = await sharp(upload).metadata();
    expect([before.width, before.height, before.orientation, Boolean(before.exif), Boolean(before.icc)]).toEqual([2400, 1600, 6, true, true]);
    expect(upload.includes("CANARY-GPS-DATUM")).toBe(true);

    expect(await saveOwnPhoto(user, upload)).toEqual({ ok: true });
    const photo = await storedPhoto(user);
    expect(photo.contentType).toBe("image/webp");
    const stored = await sharp(photo.bytes).metadata();
    expect({ format: stored.format, width: stored.width, height: stored.height }).toEqual({ format: "webp", width: 683, height: 1024 });
    expect([stored.exif, stored.xmp, stored.iptc, stored.icc, stored.orientation]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    for (const marker of ["CANARY-GPS-DATUM", "CanaryCam", "Exif"]) expect(photo.bytes.includes(marker)).toBe(false);
  });

  it("keeps a small PNG's size, re-encodes a WebP too, and replaces the previous photo", async () => {
    const user = await providerWithListing();
    expect(await saveOwnPhoto(user, PNG)).toEqual({ ok: true });
    const first = (await getOwnListing(user))!.photoUrl!;
    expect(await sharp((await storedPhoto(user)).bytes).metadata()).toMatchObject({ format: "webp", width: 1, height: 1 });

    const webp = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } }).webp().withExif({ IFD0: { Make: "CanaryCam" } }).toBuffer();
    expect(await saveOwnPhoto(user, webp)).toEqual({ ok: true });
    const second = (await getOwnListing(user))!.photoUrl!;
    expect(second).not.toBe(first);
    expect(await getPhoto(first.split("/").at(-1)!)).toBeNull();
    const photo = await storedPhoto(user);
    const stored = await sharp(photo.bytes).metadata();
    expect(stored).toMatchObject({ format: "webp", width: 300, height: 200, hasAlpha: true });
    expect(stored.exif).toBeUndefined();
    expect(photo.bytes.includes("CanaryCam")).toBe(false);
  });

  it("stores even a photo of pure noise within the stored size", async () => {
    const user = await providerWithListing();
    const upload = await sharp(randomBytes(1100 * 1000 * 3), { raw: { width: 1100, height: 1000, channels: 3 } }).jpeg({ quality: 75 }).toBuffer();
    expect(upload.byteLength).toBeLessThanOrEqual(MAX_PHOTO_BYTES);
    // At the usual quality it would not fit, so this stores a coarser encoding.
    const usual = await sharp(upload).resize({ width: 1024, height: 1024, fit: "inside" }).webp({ quality: 80 }).toBuffer();
    expect(usual.byteLength).toBeGreaterThan(MAX_STORED_BYTES);
    expect(await saveOwnPhoto(user, upload)).toEqual({ ok: true });
    const photo = await storedPhoto(user);
    expect(photo.bytes.byteLength).toBeLessThanOrEqual(MAX_STORED_BYTES);
    expect(await sharp(photo.bytes).metadata()).toMatchObject({ format: "webp", width: 1024, height: 931 });
  });

  it("refuses what is not wholly a photo, with a message and nothing stored", async () => {
    const user = await providerWithListing();
    const jpeg = await cameraJpeg();
    const refusals: [string, Uint8Array, string][] = [
      ["an SVG", SVG, PHOTO_WRONG_TYPE],
      ["not really a GIF", Buffer.from("GIF89a not really"), PHOTO_WRONG_TYPE],
      ["a JPEG cut short", jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), PHOTO_UNREADABLE],
      ["a JPEG missing only its end marker", jpeg.subarray(0, jpeg.length - 2), PHOTO_UNREADABLE],
      ["a JPEG with an archive after it", Buffer.concat([jpeg, Buffer.from("PK\u0003\u0004 payload.zip")]), PHOTO_NOT_ONLY_A_PHOTO],
      ["a PNG with a page after it", Buffer.concat([PNG, Buffer.from("<html><script>alert(document.cookie)</script></html>")]), PHOTO_NOT_ONLY_A_PHOTO],
      ["a PNG signature over garbage", Buffer.concat([PNG.subarray(0, 16), Buffer.from("not a header, not a chunk, and no IEND")]), PHOTO_UNREADABLE],
      ["a PNG whose data does not match its header", pngClaiming(64), PHOTO_UNREADABLE],
      ["a PNG claiming 100 megapixels", pngClaiming(10_000), PHOTO_TOO_MANY_PIXELS],
    ];
    for (const [what, bytes, message] of refusals) expect(await saveOwnPhoto(user, bytes), what).toEqual({ ok: false, fieldErrors: { photo: message } });
    const huge = Buffer.concat([PNG, Buffer.alloc(MAX_PHOTO_BYTES)]);
    expect(await saveOwnPhoto(user, huge)).toEqual({ ok: false, fieldErrors: { photo: "Choose a photo of at most 2 MB." } });
    expect(await saveOwnPhoto(user, new Uint8Array())).toEqual({ ok: false, fieldErrors: { photo: "Choose a photo to upload." } });
    const listing = (await getOwnListing(user))!;
    expect(listing.photoUrl).toBeNull();
    const db = await getDb();
    expect(await db.$count(providerPhotos, eq(providerPhotos.providerId, listing.id))).toBe(0);
  });

  it("are stored only as re-encoded WebP: the database refuses anything else", async () => {
    const user = await providerWithListing();
    const { id } = (await getOwnListing(user))!;
    const db = await getDb();
    await expect(db.insert(providerPhotos).values({ providerId: id, contentType: "image/jpeg", bytes: await cameraJpeg() })).rejects.toThrow();
    await expect(db.insert(providerPhotos).values({ providerId: id, contentType: "image/webp", bytes: Buffer.alloc(MAX_STORED_BYTES + 1) })).rejects.toThrow();
  });

  it("removes the photo and its bytes", async () => {
    const user = await providerWithListing();
    await saveOwnPhoto(user, PNG);
    const { id } = (await getOwnListing(user))!;
    expect(await removeOwnPhoto(user)).toEqual({ ok: true });
    expect((await getOwnListing(user))!.photoUrl).toBeNull();
    const db = await getDb();
    expect(await db.$count(providerPhotos, eq(providerPhotos.providerId, id))).toBe(0);
  });

  it("is for providers with a listing", async () => {
    expect(await saveOwnPhoto(await createUser("provider"), PNG)).toEqual({ ok: false, error: expect.stringMatching(/Start your listing/) });
    await expect(saveOwnPhoto(await createUser("patient"), PNG)).rejects.toThrow(ForbiddenError);
    expect(await getPhoto("../../etc/passwd")).toBeNull();
    // As long as an id, but not one: Postgres would answer it with an error, the route with a 500.
    expect(await getPhoto("-".repeat(36))).toBeNull();
  });
});
