import type { Metadata } from "next";
import type { ReactNode } from "react";
import { requireRole } from "@/lib/auth/session";
import { DashboardNav } from "../components/dashboard-nav";

export const metadata: Metadata = { title: { default: "Your listing", template: "%s · Provider · Relief Finder" }, robots: { index: false } };

const LINKS = [
  { href: "/provider", label: "Overview" },
  { href: "/provider/requests", label: "Requests" },
  { href: "/provider/listing", label: "Listing" },
  { href: "/provider/locations", label: "Locations" },
  { href: "/provider/schedule", label: "Schedule" },
  { href: "/provider/licenses", label: "Licenses" },
  { href: "/provider/reviews", label: "Reviews" },
  { href: "/provider/preview", label: "Preview" },
] as const;

// The layout's check answers a direct load of the wrong account with a real 403 before anything
// streams; each page (and each action) still checks for itself, since a layout does not re-render
// on client-side navigation.
export default async function ProviderLayout({ children }: { children: ReactNode }) {
  await requireRole(["provider"], "/provider");
  return (
    <div className="container-page py-8">
      <DashboardNav label="Provider dashboard" links={LINKS} />
      <div className="mt-6">{children}</div>
    </div>
  );
}
