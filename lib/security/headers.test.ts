import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, referrerPolicy, securityHeaders, type SecuritySettings } from "./headers";

const PRODUCTION: SecuritySettings = { https: true, development: false, stripeCheckout: true };
const LOCAL: SecuritySettings = { https: false, development: false, stripeCheckout: false };

/** The policy as directive name → its sources. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

describe("createNonce", () => {
  it("is 16 random bytes in base64, different every time", () => {
    const nonces = Array.from({ length: 1000 }, createNonce);
    expect(new Set(nonces).size).toBe(1000);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    }
  });
});

describe("contentSecurityPolicy", () => {
  it("admits scripts only with this response's nonce, and no plugins, base or framing", () => {
    const policy = directives(contentSecurityPolicy("abc123==", PRODUCTION));
    expect(policy["script-src"]).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy["style-src"]).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(policy["default-src"]).toEqual(["'self'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["base-uri"]).toEqual(["'self'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["connect-src"]).toEqual(["'self'"]);
    expect(policy["img-src"]).toEqual(["'self'"]);
  });

  it("never allows inline scripts or eval outside next dev", () => {
    for (const settings of [PRODUCTION, LOCAL]) {
      const policy = contentSecurityPolicy("n", settings);
      expect(policy).not.toContain("'unsafe-inline'");
      expect(policy).not.toContain("'unsafe-eval'");
    }
  });

  it("allows eval for React's development build and inline styles for the dev overlay, only in next dev", () => {
    const policy = directives(contentSecurityPolicy("n", { ...LOCAL, development: true }));
    expect(policy["script-src"]).toContain("'unsafe-eval'");
    expect(policy["script-src"]).not.toContain("'unsafe-inline'");
    expect(policy["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("lets a form post end at Stripe Checkout only when a Stripe key is set", () => {
    expect(directives(contentSecurityPolicy("n", PRODUCTION))["form-action"]).toEqual(["'self'", "https://checkout.stripe.com"]);
    expect(directives(contentSecurityPolicy("n", LOCAL))["form-action"]).toEqual(["'self'"]);
  });

  it("upgrades insecure requests only on an https site", () => {
    expect(directives(contentSecurityPolicy("n", PRODUCTION))).toHaveProperty("upgrade-insecure-requests");
    expect(directives(contentSecurityPolicy("n", LOCAL))).not.toHaveProperty("upgrade-insecure-requests");
  });
});

describe("referrerPolicy", () => {
  it("sends no referrer from the payment, intake, password-reset and verify-email pages", () => {
    for (const path of ["/pay/6f0e3a1c-0000-4000-8000-000000000000", "/pay", "/providers/dr-maya-chen-md-new-york/book", "/reset-password", "/verify-email"]) {
      expect(referrerPolicy(path), path).toBe("no-referrer");
    }
  });

  it("sends only the origin to other sites from every other page", () => {
    for (const path of ["/", "/providers", "/providers/dr-maya-chen-md-new-york", "/providers/book", "/payments", "/patient", "/api/providers", "/forgot-password"]) {
      expect(referrerPolicy(path), path).toBe("strict-origin-when-cross-origin");
    }
  });
});

describe("securityHeaders", () => {
  it("sends nosniff, a Permissions-Policy that denies the camera, microphone, location and payment, and the CSP", () => {
    const headers = securityHeaders("/", "nonce1", LOCAL);
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Content-Security-Policy"]).toContain("'nonce-nonce1'");
    for (const feature of ["camera", "microphone", "geolocation", "payment"]) expect(headers["Permissions-Policy"]).toContain(`${feature}=()`);
  });

  it("sends HSTS only when the site is https", () => {
    expect(securityHeaders("/", "n", PRODUCTION)["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(securityHeaders("/", "n", LOCAL)).not.toHaveProperty("Strict-Transport-Security");
  });

  it("leaves a listing photo to its route's own stricter policy, which a header here would replace", () => {
    const headers = securityHeaders("/api/photos/6f0e3a1c-0000-4000-8000-000000000000", "n", PRODUCTION);
    expect(headers).not.toHaveProperty("Content-Security-Policy");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(securityHeaders("/api/providers", "n", PRODUCTION)).toHaveProperty("Content-Security-Policy");
  });
});
