/**
 * The security headers of every page and route, built per request by proxy.ts. Pure: the nonce
 * and the settings come in, so the rules are tested without a server.
 */

/** What the headers depend on besides the path; proxy.ts reads them from the environment. */
export type SecuritySettings = {
  /** SITE_URL is https: browsers are told to stay on https. */
  https: boolean;
  /** `next dev`: React's development build calls eval() to rebuild server error stacks. */
  development: boolean;
  /** A Stripe key is set, so paying a deposit ends in a redirect to Stripe Checkout. */
  stripeCheckout: boolean;
};

// Where a deposit is paid. The intake's form post redirects to /pay/…, which redirects here, and
// Chromium checks form-action on every redirect of a form submission, not only its first URL.
const STRIPE_CHECKOUT = "https://checkout.stripe.com";

/** 16 random bytes, base64: a new one for every response, so an injected script cannot guess it. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, settings: SecuritySettings): string {
  const directives: string[][] = [
    ["default-src", "'self'"],
    // Next reads the nonce from this header and puts it on its own scripts; 'strict-dynamic' lets
    // those load the page's chunks, so no script host list needs keeping.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(settings.development ? ["'unsafe-eval'"] : [])],
    // No 'unsafe-inline' in production: Tailwind is one stylesheet from our origin, no page's HTML
    // has a style attribute (global-error renders in the browser, where React sets style props
    // through the CSSOM, which the policy does not govern) and Next nonces any <style> it writes.
    // The dev server injects unnonced styles for its overlay and hot reload.
    ["style-src", "'self'", settings.development ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    // Listing photos and Open Graph images are served by the app itself.
    ["img-src", "'self'"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...(settings.stripeCheckout ? [STRIPE_CHECKOUT] : [])],
    ["frame-ancestors", "'none'"],
    ...(settings.https ? [["upgrade-insecure-requests"]] : []),
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

// Pages whose URL names a booking or a chosen time and whose content is health or payment detail:
// no Referer leaves them, not even to our own origin. Their forms post through script (server
// actions use fetch, which keeps the Origin header); a form posted without JavaScript from a
// no-referrer page carries `Origin: null`, which Next's server-action check refuses, but these
// pages cannot be reached without JavaScript (free times are loaded by script).
// The reset and verify-email pages' URLs hold a live link's secret.
const NO_REFERRER = [/^\/pay(\/|$)/, /^\/providers\/[^/]+\/book(\/|$)/, /^\/reset-password(\/|$)/, /^\/verify-email(\/|$)/];

export function referrerPolicy(pathname: string): string {
  return NO_REFERRER.some((pattern) => pattern.test(pathname)) ? "no-referrer" : "strict-origin-when-cross-origin";
}

// Nothing here uses a camera, microphone, location, payment sheet, sensors or devices; Checkout is
// a page on Stripe's own origin. Only features Chromium knows: an unknown name logs a console error.
export const PERMISSIONS_POLICY = [
  "accelerometer",
  "autoplay",
  "camera",
  "display-capture",
  "encrypted-media",
  "fullscreen",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

// A listing photo is bytes a provider uploaded: its route sends `default-src 'none'` itself, and a
// policy set here would replace that one rather than add to it.
const OWN_POLICY = [/^\/api\/photos\//];

// Two years, the preload list's expectation; every subdomain, since none is meant to serve http.
const HSTS = "max-age=63072000; includeSubDomains";

export function securityHeaders(pathname: string, nonce: string, settings: SecuritySettings): Record<string, string> {
  const ownPolicy = OWN_POLICY.some((pattern) => pattern.test(pathname));
  return {
    ...(ownPolicy ? {} : { "Content-Security-Policy": contentSecurityPolicy(nonce, settings) }),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": referrerPolicy(pathname),
    "Permissions-Policy": PERMISSIONS_POLICY,
    ...(settings.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}
