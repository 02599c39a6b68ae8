import { getRedirectUrl, unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { config, proxy } from "./proxy";

const request = (path: string, cookie?: string) => new NextRequest(new URL(path, "http://localhost:3000"), { headers: cookie ? { cookie: `${cookie}=x` } : {} });
const matches = (url: string) => unstable_doesMiddlewareMatch({ config, url });

// What the proxy logs for the requests it answers itself (Next's console would need its server).
let logged: string[] = [];
beforeEach(() => {
  logged = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => void logged.push(line));
});
afterEach(() => vi.restoreAllMocks());

describe("proxy", () => {
  it("runs for every page and route, but not for the build's static files or the icon", () => {
    for (const url of ["/", "/about", "/providers/dr-maya-chen-md-new-york", "/api/providers", "/api/photos/x", "/no-such-page", "/robots.txt", "/sitemap.xml"]) {
      expect(matches(url), url).toBe(true);
    }
    for (const url of ["/_next/static/chunks/main.js", "/_next/image?url=%2Fa.png&w=64&q=75", "/favicon.ico", "/icon.svg"]) {
      expect(matches(url), url).toBe(false);
    }
  });

  it("sends an anonymous visitor of a dashboard to sign in, and back afterwards", () => {
    for (const path of ["/account", "/patient", "/provider", "/provider/requests/abc?tab=1", "/admin/licenses"]) {
      const response = proxy(request(path));
      expect(getRedirectUrl(response), path).toBe(`http://localhost:3000/sign-in?callbackUrl=${encodeURIComponent(path)}`);
    }
    // One request line each, by the proxy's name and never the path it was asked for.
    expect(logged.map((line) => JSON.parse(line))).toEqual(Array(5).fill(expect.objectContaining({ event: "request", route: "proxy", method: "GET", status: 307 })));
    expect(logged.join("\n")).not.toMatch(/admin|abc|tab/);
  });

  it("lets a session cookie of either name through to the dashboard, which checks it", () => {
    for (const cookie of ["authjs.session-token", "__Secure-authjs.session-token"]) {
      expect(getRedirectUrl(proxy(request("/provider", cookie))), cookie).toBeNull();
    }
  });

  it("answers 400 for a path whose percent-encoding is not UTF-8, with the security headers", () => {
    for (const path of ["/providers/%C0%AF", "/api/providers/%ED%A0%80", "/conditions/%E0%A4%A", "/admin/%FF"]) {
      const response = proxy(request(path));
      expect(response.status, path).toBe(400);
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
    expect(proxy(request("/providers/caf%C3%A9")).status).toBe(200);
    // The page it passes on is logged by its render, not here.
    expect(logged.map((line) => JSON.parse(line).status)).toEqual([400, 400, 400, 400]);
  });

  it("sends nobody away from public pages, routes or look-alike paths", () => {
    for (const path of ["/", "/providers", "/providers/dr-maya-chen-md-new-york", "/api/bookings", "/accounts", "/administer"]) {
      expect(getRedirectUrl(proxy(request(path))), path).toBeNull();
    }
  });

  it("puts the security headers on passed-through responses and redirects, with a new nonce each time", () => {
    const page = proxy(request("/"));
    const redirect = proxy(request("/admin"));
    for (const response of [page, redirect]) {
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("permissions-policy")).toContain("camera=()");
      expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    }
    const nonce = (response: Response) => response.headers.get("content-security-policy")!.match(/'nonce-([^']+)'/)![1];
    expect(nonce(page)).not.toBe(nonce(redirect));
    expect(proxy(request("/pay/abc")).headers.get("referrer-policy")).toBe("no-referrer");
  });
});
