import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { getDb } from "@/db/client";
import { providers } from "@/db/schema";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";

export type OwnProvider = {
  id: string;
  slug: string;
  name: string;
  listingStatus: "draft" | "published";
  suspendedAt: Date | null;
  suspensionReason: string | null;
};

type Reader = Pick<Database, "select">;

/**
 * The listing that belongs to the signed-in provider, or null before they have started one.
 * Every provider-side read and write starts here, so a provider can only ever reach their own.
 */
export async function getOwnProvider(user: CurrentUser, reader?: Reader): Promise<OwnProvider | null> {
  assertRole(user, ["provider"], "only providers have a listing");
  const db = reader ?? (await getDb());
  const [row] = await db
    .select({
      id: providers.id,
      slug: providers.slug,
      name: providers.name,
      listingStatus: providers.listingStatus,
      suspendedAt: providers.suspendedAt,
      suspensionReason: providers.suspensionReason,
    })
    .from(providers)
    .where(eq(providers.userId, user.id));
  return row ?? null;
}
