import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { env } from "@/lib/env";
import { DemoNotice } from "./components/demo-notice";
import { SiteFooter } from "./components/site-footer";
import { SiteHeader } from "./components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(env.SITE_URL),
  title: {
    default: "Relief Finder — licensed providers who treat chronic pain with Botox",
    template: "%s · Relief Finder",
  },
  description:
    "Find a licensed provider who treats chronic migraine, neck, jaw and back pain with Botox. Every listed provider's license is verified; prices and insurance are shown up front.",
  applicationName: "Relief Finder",
  // The same policy proxy.ts sends as a header. A client navigation keeps the document, and with
  // it the first page's header; the meta tag, which each page replaces, carries each page's own.
  referrer: "strict-origin-when-cross-origin",
  openGraph: { type: "website", siteName: "Relief Finder", locale: "en_US" },
};

export const viewport: Viewport = {
  themeColor: "#0f766e",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Next puts the request's CSP nonce on its scripts while it renders; a page prerendered at build
  // time has scripts without one, which the policy blocks. So every page renders per request.
  await connection();
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-white px-4 py-2 font-semibold text-brand-800 shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
        >
          Skip to content
        </a>
        <DemoNotice />
        <SiteHeader />
        <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
