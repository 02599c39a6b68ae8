import "server-only";
import { and, asc, eq, gte, sql, type SQL } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { licenses, providers } from "@/db/schema";
import { stateName } from "@/lib/geo/states";
import { trustDate } from "./trust";

/**
 * The states where a provider may see a patient by video: those of their verified state licenses
 * unexpired today (the trust rule's date, ./trust.ts). A video visit is licensed where the patient
 * is, not where the clinic is.
 */
export async function telehealthStates(reader: Pick<Database, "selectDistinct">, providerId: string | SQL, now: Date): Promise<string[]> {
  const rows = await reader
    .selectDistinct({ state: licenses.state })
    .from(licenses)
    .where(and(eq(licenses.providerId, providerId), eq(licenses.kind, "state"), eq(licenses.status, "verified"), gte(licenses.expiresOn, trustDate(now))))
    .orderBy(asc(licenses.state));
  return rows.flatMap((r) => (r.state ? [r.state] : []));
}

/**
 * The same states for a provider named by slug, in one statement: for the booking page to offer
 * before the booking checks them. Public, as the profile shows the licenses anyway.
 */
export async function telehealthStatesBySlug(slug: string, now: Date = new Date()): Promise<string[]> {
  return telehealthStates(await getDb(), sql`(select ${providers.id} from ${providers} where ${providers.slug} = ${slug})`, now);
}

/** "Dr. X can see patients by video in New York and New Jersey." — the refusal names where they can. */
export function telehealthStatesMessage(providerName: string, states: string[]): string {
  if (states.length === 0) return `${providerName} cannot see patients by video at the moment. Choose an in-person visit.`;
  const names = new Intl.ListFormat("en-US", { style: "long", type: "conjunction" }).format(states.map(stateName));
  return `${providerName} can see patients by video in ${names}.`;
}
