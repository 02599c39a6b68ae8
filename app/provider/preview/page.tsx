import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { getOwnChecklist } from "@/lib/listing/queries";
import { getOwnProfilePreview } from "@/lib/providers/queries";
import { ProfileView } from "../../providers/[slug]/profile-view";

export const metadata: Metadata = { title: "Preview" };

export default async function PreviewPage() {
  const user = await requireRole(["provider"], "/provider/preview");
  const [profile, checklist] = await Promise.all([getOwnProfilePreview(user), getOwnChecklist(user)]);
  if (!profile || !checklist) {
    return (
      <div className="card max-w-xl p-6">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Preview</h1>
        <p className="mt-2 text-slate-700">There is nothing to preview yet.</p>
        <Link href="/provider/listing" className="btn-primary mt-4">
          Start your listing
        </Link>
      </div>
    );
  }
  const hidden = profile.locations.filter((l) => !checklist.listedStates.includes(l.state));
  return (
    <div>
      <div role="note" className="rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950">
        <p>
          <strong>Preview.</strong>{" "}
          {checklist.listed ? (
            <>
              This is what patients see. <Link href={`/providers/${profile.slug}`}>Open the public page</Link>.
            </>
          ) : (
            <>
              Patients cannot see this yet. <Link href="/provider">See what is missing</Link>.
            </>
          )}
        </p>
        {hidden.length > 0 ? (
          <p className="mt-1">
            Not bookable until the license for its state is verified: {hidden.map((l) => `${l.name} (${l.state})`).join(", ")}.
          </p>
        ) : null}
      </div>
      <div className="mt-2">
        <ProfileView provider={profile} verified={checklist.listed} preview />
      </div>
    </div>
  );
}
