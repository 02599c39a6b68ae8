"use client";

import { useEffect } from "react";

// Replaces the root layout when it fails, so it cannot rely on globals.css: styles are inline.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <html lang="en">
      <body style={{ margin: 0, fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif", color: "#0f172a" }}>
        <title>Something went wrong · Relief Finder</title>
        <main style={{ maxWidth: 560, margin: "10vh auto", padding: "0 1.5rem", textAlign: "center" }}>
          <h1 style={{ fontSize: "1.5rem" }}>Something went wrong</h1>
          <p style={{ color: "#334155", lineHeight: 1.5 }}>Relief Finder hit an unexpected problem. Please try again in a moment.</p>
          <p style={{ display: "flex", gap: "0.75rem", justifyContent: "center" }}>
            <button
              type="button"
              onClick={() => retry()}
              style={{ background: "#0f766e", color: "#fff", border: 0, borderRadius: 8, padding: "0.6rem 1.2rem", fontWeight: 600, fontSize: "1rem", cursor: "pointer" }}
            >
              Try again
            </button>
            {/* A full reload: the root layout itself failed, so client navigation may not work. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" style={{ color: "#0f766e", padding: "0.6rem 0.5rem", fontWeight: 600 }}>
              Home page
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
