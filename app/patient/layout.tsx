import type { Metadata } from "next";
import type { ReactNode } from "react";
import { requireRole } from "@/lib/auth/session";
import { DashboardNav } from "../components/dashboard-nav";

export const metadata: Metadata = { title: { default: "Your dashboard", template: "%s · Relief Finder" }, robots: { index: false } };

const LINKS = [
  { href: "/patient", label: "Bookings" },
  { href: "/patient/diary", label: "Diary" },
] as const;

// The layout's check gives the wrong account a real 403 before anything streams; pages and
// actions still check for themselves.
export default async function PatientLayout({ children }: { children: ReactNode }) {
  await requireRole(["patient"], "/patient");
  return (
    <div className="container-page py-8">
      <DashboardNav label="Patient dashboard" links={LINKS} />
      <div className="mt-6">{children}</div>
    </div>
  );
}
