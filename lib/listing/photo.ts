import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type/core";
import { getDb } from "@/db/client";
import { providerPhotos, providers } from "@/db/schema";
import { isUuid } from "@/db/uuid";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { getOwnProvider } from "./owner";
import { START_LISTING_FIRST, type ListingResult } from "./queries";

export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
const PHOTO_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);

export const PHOTO_TOO_LARGE = "Choose a photo of at most 2 MB.";
export const PHOTO_WRONG_TYPE = "Choose a JPEG, PNG or WebP photo.";

/**
 * The image type read from the file's own bytes (its magic number), never from the name or the
 * type the browser claimed, or null when it is not a JPEG, PNG or WebP.
 */
export async function detectPhotoType(bytes: Uint8Array): Promise<string | null> {
  const detected = await fileTypeFromBuffer(bytes);
  return detected && PHOTO_TYPES.has(detected.mime) ? detected.mime : null;
}

export function photoUrl(photoId: string): string {
  return `/api/photos/${photoId}`;
}

/**
 * Stores the signed-in provider's photo in Postgres (every serverless instance reads the same
 * bytes) and points the listing at it; the previous photo is deleted in the same transaction.
 */
export async function saveOwnPhoto(user: CurrentUser, bytes: Uint8Array): Promise<ListingResult> {
  assertRole(user, ["provider"], "only providers upload a listing photo");
  if (bytes.byteLength === 0) return { ok: false, fieldErrors: { photo: "Choose a photo to upload." } };
  if (bytes.byteLength > MAX_PHOTO_BYTES) return { ok: false, fieldErrors: { photo: PHOTO_TOO_LARGE } };
  const contentType = await detectPhotoType(bytes);
  if (!contentType) return { ok: false, fieldErrors: { photo: PHOTO_WRONG_TYPE } };
  const db = await getDb();
  return db.transaction(async (tx): Promise<ListingResult> => {
    const own = await getOwnProvider(user, tx);
    if (!own) return { ok: false, error: START_LISTING_FIRST };
    const [photo] = await tx
      .insert(providerPhotos)
      .values({ providerId: own.id, contentType, bytes: Buffer.from(bytes) })
      .returning({ id: providerPhotos.id });
    await tx.delete(providerPhotos).where(and(eq(providerPhotos.providerId, own.id), ne(providerPhotos.id, photo!.id)));
    await tx
      .update(providers)
      .set({ photoUrl: photoUrl(photo!.id), updatedAt: new Date() })
      .where(and(eq(providers.id, own.id), eq(providers.userId, user.id)));
    await recordAudit(tx, { actorId: user.id, action: "listing.photo_changed", subjectType: "provider", subjectId: own.id, details: { contentType } });
    return { ok: true };
  });
}

/** Takes the signed-in provider's photo off their listing; the profile shows their initials instead. */
export async function removeOwnPhoto(user: CurrentUser): Promise<ListingResult> {
  assertRole(user, ["provider"], "only providers remove a listing photo");
  const db = await getDb();
  return db.transaction(async (tx): Promise<ListingResult> => {
    const own = await getOwnProvider(user, tx);
    if (!own) return { ok: false, error: START_LISTING_FIRST };
    await tx.delete(providerPhotos).where(eq(providerPhotos.providerId, own.id));
    await tx
      .update(providers)
      .set({ photoUrl: null, updatedAt: new Date() })
      .where(and(eq(providers.id, own.id), eq(providers.userId, user.id)));
    await recordAudit(tx, { actorId: user.id, action: "listing.photo_removed", subjectType: "provider", subjectId: own.id, details: {} });
    return { ok: true };
  });
}

/** A stored photo's bytes for the public photo route: photos appear on public profiles. */
export async function getPhoto(photoId: string): Promise<{ contentType: string; bytes: Buffer } | null> {
  if (!isUuid(photoId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ contentType: providerPhotos.contentType, bytes: providerPhotos.bytes })
    .from(providerPhotos)
    .where(eq(providerPhotos.id, photoId));
  return row ?? null;
}
