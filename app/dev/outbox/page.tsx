import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { env, isOutboxReadable } from "@/lib/env";
import { listDevOutbox } from "@/lib/notifications/outbox";
import { LocalTime } from "../../components/local-time";

export const metadata: Metadata = { title: "Dev outbox", robots: { index: false } };

// Without SMTP settings, mail lands here instead of in anyone's inbox. Only in development and
// the demo: in a real deployment its links (sign-in, reset) would be anyone's to read.
export default async function DevOutboxPage() {
  await connection();
  if (!isOutboxReadable()) notFound();
  const emails = await listDevOutbox();
  return (
    <div className="container-page max-w-3xl py-10">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Dev outbox</h1>
      <p className="mt-1 text-slate-700">
        {env.SMTP_URL ? "SMTP is configured: these were also sent." : "No SMTP_URL is set, so email stops here."} Newest first.
      </p>
      {emails.length === 0 ? <p className="mt-6 text-slate-700">No email yet.</p> : null}
      <ul className="mt-6 space-y-4">
        {emails.map((e) => (
          <li key={e.id} className="card p-5">
            <p className="text-sm text-slate-600">
              <LocalTime iso={e.createdAt} /> · to {e.to} · {e.kind} · {e.transport ?? "queued"}
            </p>
            <h2 className="mt-1 font-semibold text-slate-900">{e.subject}</h2>
            <pre className="mt-2 font-sans text-sm whitespace-pre-wrap text-slate-800">{e.body}</pre>
          </li>
        ))}
      </ul>
    </div>
  );
}
