import { NextResponse, type NextRequest } from "next/server";
import { env, isHttpsSite } from "@/lib/env";
import { logProxyAnswer } from "@/lib/log/request-id";
import { createNonce, securityHeaders, type SecuritySettings } from "@/lib/security/headers";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const DASHBOARD = /^\/(account|patient|provider|admin)(\/|$)/;

const settings: SecuritySettings = {
  https: isHttpsSite(),
  development: env.NODE_ENV === "development",
  stripeCheckout: Boolean(env.STRIPE_SECRET_KEY),
};

// Only a convenience: sends visitors without a session cookie to sign in before a dashboard.
// Every page, action and route handler still checks the user itself in lib/.
function signInFirst(request: NextRequest): NextResponse | null {
  if (!DASHBOARD.test(request.nextUrl.pathname)) return null;
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return null;
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

/** True when every %-escape of the path decodes to UTF-8 text; Next would otherwise answer 500. */
function isWellEncoded(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every response gets the security headers. The request carries the policy on to the renderer,
 * which takes the nonce from it for Next's scripts; `x-nonce` is for our own inline scripts. The
 * client's own values of both are dropped, so a nonce it chose is never used.
 */
export function proxy(request: NextRequest) {
  const started = performance.now();
  const nonce = createNonce();
  const headers = securityHeaders(request.nextUrl.pathname, nonce, settings);
  // A path with broken percent-encoding (/providers/%C0%AF) names no page: 400, before routing.
  let response: NextResponse | null = isWellEncoded(request.nextUrl.pathname) ? signInFirst(request) : new NextResponse("Bad request: the address is not valid.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!response) {
    const forwarded = new Headers(request.headers);
    forwarded.delete("content-security-policy");
    forwarded.delete("x-nonce");
    const policy = headers["Content-Security-Policy"];
    if (policy) {
      forwarded.set("content-security-policy", policy);
      forwarded.set("x-nonce", nonce);
    }
    response = NextResponse.next({ request: { headers: forwarded } });
  } else {
    logProxyAnswer(request.method, response.status, performance.now() - started);
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// Everything but the build's static files and the icon, which carry no script and never change.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"] };
