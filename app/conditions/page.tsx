import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getCatalog } from "@/lib/catalog/queries";

export const metadata: Metadata = {
  title: "Conditions treated with Botox",
  description:
    "Chronic migraine, neck and jaw pain, back spasms and more: how Botox treatment works for each, what it costs and what to expect.",
};

export default async function ConditionsPage() {
  await connection();
  const { conditions } = await getCatalog();
  return (
    <div className="container-page py-8 sm:py-10">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Conditions treated with Botox</h1>
      <p className="mt-3 max-w-2xl text-slate-700">
        Botulinum toxin injections can ease some kinds of chronic pain. They do not cure the cause, insurance often does not
        cover them, and a licensed provider should evaluate you first. Choose a condition to learn more and find providers
        who treat it.
      </p>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {conditions.map((c) => (
          <li key={c.slug}>
            <Link
              href={`/conditions/${encodeURIComponent(c.slug)}`}
              className="card flex h-full flex-col gap-2 p-5 no-underline hover:border-brand-600"
            >
              <span className="text-lg font-semibold text-slate-900">{c.name}</span>
              <span className="text-sm font-medium text-brand-700">
                How treatment works and who treats it <span aria-hidden="true">→</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
