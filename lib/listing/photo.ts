import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { providerPhotos, providers } from "@/db/schema";
import { isUuid } from "@/db/uuid";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { scheduleTransaction } from "@/lib/scheduling/next-openings";
import { getOwnProvider } from "./owner";
import { encodePhoto } from "./photo-encoding";
import { START_LISTING_FIRST, type ListingResult } from "./queries";

/** The upload's own limit; what is stored is re-encoded and far smaller (photo-encoding.ts). */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

export const PHOTO_TOO_LARGE = "Choose a photo of at most 2 MB.";

export function photoUrl(photoId: string): string {
  return `/api/photos/${photoId}`;
}

/**
 * Stores the signed-in provider's photo, re-encoded without its metadata, in Postgres (every
 * serverless instance reads the same bytes) and points the listing at it; the previous photo is
 * deleted in the same transaction. A file that is not wholly a readable photo stores nothing.
 */
export async function saveOwnPhoto(user: CurrentUser, bytes: Uint8Array): Promise<ListingResult> {
  assertRole(user, ["provider"], "only providers upload a listing photo");
  if (bytes.byteLength === 0) return { ok: false, fieldErrors: { photo: "Choose a photo to upload." } };
  if (bytes.byteLength > MAX_PHOTO_BYTES) return { ok: false, fieldErrors: { photo: PHOTO_TOO_LARGE } };
  const photo = await encodePhoto(bytes);
  if (!photo.ok) return { ok: false, fieldErrors: { photo: photo.error } };
  const { contentType } = photo;
  const db = await getDb();
  return scheduleTransaction(db, new Date(), async (tx): Promise<ListingResult> => {
    const own = await getOwnProvider(user, tx);
    if (!own) return { ok: false, error: START_LISTING_FIRST };
    const [stored] = await tx.insert(providerPhotos).values({ providerId: own.id, contentType, bytes: photo.bytes }).returning({ id: providerPhotos.id });
    await tx.delete(providerPhotos).where(and(eq(providerPhotos.providerId, own.id), ne(providerPhotos.id, stored!.id)));
    await tx
      .update(providers)
      .set({ photoUrl: photoUrl(stored!.id), updatedAt: new Date() })
      .where(and(eq(providers.id, own.id), eq(providers.userId, user.id)));
    await recordAudit(tx, { actorId: user.id, action: "listing.photo_changed", subjectType: "provider", subjectId: own.id, details: { contentType } });
    return { ok: true };
  });
}

/** Takes the signed-in provider's photo off their listing; the profile shows their initials instead. */
export async function removeOwnPhoto(user: CurrentUser): Promise<ListingResult> {
  assertRole(user, ["provider"], "only providers remove a listing photo");
  const db = await getDb();
  return scheduleTransaction(db, new Date(), async (tx): Promise<ListingResult> => {
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
