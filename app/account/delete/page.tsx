import type { Metadata } from "next";
import Link from "next/link";
import { deletionPreview } from "@/lib/account/delete";
import { requireRole } from "@/lib/auth/session";
import { formatInstant, formatMoney } from "@/lib/ui/format";
import { DeleteAccountForm } from "./delete-account-form";

export const metadata: Metadata = { title: "Delete your account", robots: { index: false } };

const DEPOSIT = { refunded: "deposit refunded in full", kept: "deposit kept: inside the provider's cancellation window", none: "no deposit paid" } as const;

export default async function DeleteAccountPage() {
  const user = await requireRole(["patient", "provider", "admin"], "/account/delete");
  if (user.role === "admin") {
    return (
      <div className="container-page max-w-2xl py-10">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Delete your account</h1>
        <p className="mt-3 text-slate-700">An admin account is closed by another admin, so the audit trail keeps who can act.</p>
      </div>
    );
  }
  const upcoming = await deletionPreview(user);
  return (
    <div className="container-page max-w-2xl py-10">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Delete your account</h1>
      <div className="card mt-6 space-y-3 p-6 text-slate-700">
        <h2 className="text-lg font-semibold text-slate-900">What happens</h2>
        <ul className="list-disc space-y-2 pl-5">
          {user.role === "patient" ? (
            <li>Every upcoming booking is cancelled, and each deposit follows its provider&apos;s cancellation policy (below).</li>
          ) : (
            <>
              <li>Every upcoming booking is cancelled with a full refund, and each patient is emailed.</li>
              <li>Your listing leaves search at once; its name, biography and photos are removed.</li>
            </>
          )}
          <li>Your name, email address and password are removed{user.role === "patient" ? ", and so are your intakes, notes and diary" : ""}.</li>
          <li>Payment records and the audit log stay, as the law and the other side&apos;s records need, but only under an id that no longer leads to you.</li>
          <li>This cannot be undone. You can sign up again with the same address later.</li>
        </ul>
        <p>
          Want a copy first? <a href="/api/account/export">Download your data</a>.
        </p>
      </div>
      <section aria-labelledby="upcoming-heading" className="card mt-6 space-y-3 p-6">
        <h2 id="upcoming-heading" className="text-lg font-semibold text-slate-900">
          Upcoming bookings that will be cancelled
        </h2>
        {upcoming.length === 0 ? (
          <p className="text-slate-700">None.</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {upcoming.map((b) => (
              <li key={b.id} className="py-2 text-sm text-slate-700">
                <span className="font-medium text-slate-900">{user.role === "patient" ? b.providerName : "A patient's visit"}</span>,{" "}
                <time dateTime={b.startsAt}>{formatInstant(b.startsAt, b.timeZone)}</time> — {b.depositPaid ? `${formatMoney(b.depositCents)} ${DEPOSIT[b.deposit]}` : DEPOSIT.none}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="card mt-6 p-6">
        <DeleteAccountForm bookings={upcoming.length} />
      </div>
      <p className="mt-4 text-sm">
        <Link href="/account">Keep my account</Link>
      </p>
    </div>
  );
}
