import { NextResponse, type NextRequest } from "next/server";
import { handlers } from "@/lib/auth/next-auth";
import { signInRefusal } from "@/lib/auth/messages";

export const { GET } = handlers;

/**
 * The code authorize() refused a credentials sign-in with, read from Auth.js's answer: a redirect
 * to the sign-in page, or `{ url }` when the client asked for one (X-Auth-Return-Redirect).
 */
async function refusalCode(response: Response): Promise<string | null> {
  let location = response.headers.get("location");
  if (!location && response.headers.get("content-type")?.includes("application/json")) {
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as { url?: unknown } | null;
    location = typeof body?.url === "string" ? body.url : null;
  }
  if (!location) return null;
  const url = new URL(location, "http://localhost");
  return url.searchParams.get("error") === "CredentialsSignin" ? url.searchParams.get("code") : null;
}

// Clients that post to Auth.js directly are told to wait with HTTP 429 and Retry-After, not sent
// round a redirect loop. The throttles themselves run in authorize(), after Auth.js's CSRF check.
export async function POST(request: NextRequest) {
  const response = await handlers.POST(request);
  if (!request.nextUrl.pathname.endsWith("/callback/credentials")) return response;
  const code = await refusalCode(response);
  const refusal = code ? signInRefusal(code) : null;
  if (!refusal?.retryAfterSeconds) return response;
  return NextResponse.json({ error: { message: refusal.message } }, { status: 429, headers: { "Retry-After": String(refusal.retryAfterSeconds) } });
}
