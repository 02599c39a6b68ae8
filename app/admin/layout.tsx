import type { Metadata } from "next";
import type { ReactNode } from "react";
import { requireRole } from "@/lib/auth/session";
import { DashboardNav } from "../components/dashboard-nav";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · Relief Finder" }, robots: { index: false } };

const LINKS = [
  { href: "/admin/licenses", label: "License queue" },
  { href: "/admin/providers", label: "Providers" },
  { href: "/admin/accounts", label: "Accounts" },
  { href: "/admin/reviews", label: "Reviews" },
  { href: "/admin/payments", label: "Payments" },
  { href: "/admin/audit", label: "Audit log" },
] as const;

// The layout's check answers a direct load of the wrong account with a real 403 before anything
// streams; each page (and each action) still checks for itself, since a layout does not re-render
// on client-side navigation.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireRole(["admin"], "/admin/licenses");
  return (
    <div className="container-page py-8">
      <DashboardNav label="Admin" links={LINKS} />
      <div className="mt-6">{children}</div>
    </div>
  );
}
