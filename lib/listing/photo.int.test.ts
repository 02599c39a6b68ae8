import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { providerPhotos } from "@/db/schema";
import { createProvider, createUser, seedReferenceData } from "@/db/testing/fixtures";
import { ForbiddenError } from "@/lib/auth/authorize";
import { getPhoto, MAX_PHOTO_BYTES, removeOwnPhoto, saveOwnPhoto } from "./photo";
import { getOwnListing } from "./queries";

// A real 1×1 PNG, and the first bytes of a JPEG and a WebP file.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), Buffer.alloc(64)]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

async function providerWithListing() {
  const user = await createUser("provider");
  await createProvider({ provider: { userId: user.id } });
  return user;
}

beforeAll(async () => {
  await seedReferenceData();
});

describe("listing photos", () => {
  it("stores a PNG or JPEG, serves its bytes, and replaces the previous photo", async () => {
    const user = await providerWithListing();
    expect(await saveOwnPhoto(user, PNG)).toEqual({ ok: true });
    const first = (await getOwnListing(user))!.photoUrl!;
    expect(first).toMatch(/^\/api\/photos\/[0-9a-f-]{36}$/);
    expect(await getPhoto(first.split("/").at(-1)!)).toEqual({ contentType: "image/png", bytes: PNG });

    expect(await saveOwnPhoto(user, JPEG)).toEqual({ ok: true });
    const second = (await getOwnListing(user))!.photoUrl!;
    expect(second).not.toBe(first);
    expect(await getPhoto(first.split("/").at(-1)!)).toBeNull();
    expect((await getPhoto(second.split("/").at(-1)!))!.contentType).toBe("image/jpeg");
  });

  it("checks the type from the bytes, whatever the file claims, and the size", async () => {
    const user = await providerWithListing();
    expect(await saveOwnPhoto(user, SVG)).toEqual({ ok: false, fieldErrors: { photo: "Choose a JPEG, PNG or WebP photo." } });
    expect(await saveOwnPhoto(user, Buffer.from("GIF89a not really"))).toEqual({ ok: false, fieldErrors: { photo: "Choose a JPEG, PNG or WebP photo." } });
    const huge = Buffer.concat([PNG, Buffer.alloc(MAX_PHOTO_BYTES)]);
    expect(await saveOwnPhoto(user, huge)).toEqual({ ok: false, fieldErrors: { photo: "Choose a photo of at most 2 MB." } });
    expect(await saveOwnPhoto(user, new Uint8Array())).toEqual({ ok: false, fieldErrors: { photo: "Choose a photo to upload." } });
    expect((await getOwnListing(user))!.photoUrl).toBeNull();
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
