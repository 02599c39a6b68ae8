import "server-only";
import type { Database } from "@/db/client";
import { env } from "@/lib/env";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { renderHtmlLetter } from "@/lib/notifications/html-letter";
import { formatInstantLong } from "@/lib/ui/format";

// Like every email (lib/notifications/booking-emails.ts): who, when (the zone named), where and
// links; never the appointment type's or location's names, which can name a condition.

export type OfferLetter = {
  to: string;
  providerName: string;
  startsAt: Date;
  expiresAt: Date;
  timeZone: string;
  where: string;
  token: string;
};

const link = (path: string) => new URL(path, env.SITE_URL).toString();

export async function notifyWaitlistOffer(writer: Pick<Database, "insert">, letter: OfferLetter): Promise<void> {
  const subject = `An earlier time with ${letter.providerName} opened`;
  const lead = `A time you asked to hear about opened with ${letter.providerName}. We are holding it for you until ${formatInstantLong(letter.expiresAt.toISOString(), letter.timeZone)}; after that it goes to the next person waiting.`;
  const facts: [string, string][] = [
    ["Provider", letter.providerName],
    ["When", formatInstantLong(letter.startsAt.toISOString(), letter.timeZone)],
    ["Where", letter.where],
  ];
  const claim = link(`/waitlist/claim/${letter.token}`);
  const leave = link(`/waitlist/leave/${letter.token}`);
  const after = [`No longer need it? Leave this waitlist: ${leave}`];
  const body = [lead, "", ...facts.map(([label, value]) => `${label}: ${value}`), "", `Claim this time: ${claim}`, "", ...after, ""].join("\n");
  const html = renderHtmlLetter({ subject, paragraphs: [lead], facts, after, action: { label: "Claim this time", url: claim } });
  await enqueueEmail(writer, { to: letter.to, subject, body, html, kind: "waitlist_offer" });
}
