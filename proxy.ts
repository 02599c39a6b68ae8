import { NextResponse, type NextRequest } from "next/server";

// Only a convenience: sends visitors without a session cookie to sign in before a dashboard.
// Every page, action and route handler still checks the user itself in lib/.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = { matcher: ["/account/:path*", "/patient/:path*", "/provider/:path*", "/admin/:path*"] };
