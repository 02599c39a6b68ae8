import "server-only";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { bookings, providers } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session";

/**
 * The bookings `user` may see and act on, as a WHERE condition: a patient's own, a provider's own
 * listing's while it is not suspended (a suspension closes the provider's bookings and intakes at
 * once, though the account still signs in to read why); nothing for anyone else (admins included,
 * who never read intakes or act on bookings).
 */
export function ownBookings(user: CurrentUser): SQL {
  if (user.role === "patient") return eq(bookings.patientId, user.id);
  if (user.role === "provider") {
    return sql`${bookings.providerId} = (select ${providers.id} from ${providers} where ${and(eq(providers.userId, user.id), isNull(providers.suspendedAt))})`;
  }
  return sql`false`;
}
