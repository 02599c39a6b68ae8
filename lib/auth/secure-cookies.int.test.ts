import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { createAccount } from "./accounts";
import { authConfig } from "./next-auth";

const PASSWORD = "correct horse battery";
let n = 0;

/** Signs in through Auth.js's own routes, as the browser does, on a site served from `siteUrl`. */
async function signInOn(siteUrl: string): Promise<string[]> {
  const email = `cookie${++n}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const created = await createAccount({ name: "Cookie Person", email, password: PASSWORD, role: "patient" });
  if (!created.ok) throw new Error(created.message);
  const { handlers } = NextAuth(authConfig({ ...env, SITE_URL: siteUrl }));

  const csrf = await handlers.GET(new NextRequest(`${siteUrl}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");

  const callback = await handlers.POST(
    new NextRequest(`${siteUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
      body: new URLSearchParams({ csrfToken, email, password: PASSWORD }),
    }),
  );
  return callback.headers.getSetCookie();
}

/** The session cookie's name and attributes; its value (a signed token) stays out of test output. */
function sessionCookie(cookies: string[]) {
  const cookie = cookies.find((c) => /^(__Secure-)?authjs\.session-token=/.test(c));
  if (!cookie) return null;
  const [pair, ...attributes] = cookie.split(";").map((part) => part.trim());
  return { name: pair!.slice(0, pair!.indexOf("=")), attributes: attributes.map((a) => a.split("=")[0]!.toLowerCase()) };
}

describe("session cookie", () => {
  it("is __Secure-authjs.session-token with the Secure flag on an https site", async () => {
    const cookie = sessionCookie(await signInOn("https://relief.example"));
    expect(cookie?.name).toBe("__Secure-authjs.session-token");
    expect(cookie?.attributes).toEqual(expect.arrayContaining(["secure", "httponly"]));
  });

  it("is a plain authjs.session-token without Secure on an http site (development, the browser tests)", async () => {
    const cookie = sessionCookie(await signInOn("http://localhost:3000"));
    expect(cookie?.name).toBe("authjs.session-token");
    expect(cookie?.attributes).not.toContain("secure");
  });
});
