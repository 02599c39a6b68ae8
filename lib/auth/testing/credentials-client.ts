import { NextRequest } from "next/server";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";

/**
 * A client of Auth.js's own credentials endpoint, as one posting directly would be: it fetches a
 * CSRF token and its cookie once, then posts sign-ins from the address it names.
 */
export async function credentialsClient() {
  const response = await GET(new NextRequest("http://localhost:3000/api/auth/csrf"));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return (email: string, password: string, forwardedFor: string) =>
    POST(
      new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
        method: "POST",
        body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/account" }),
        headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": forwardedFor },
      }),
    );
}

/** Whether a response to credentialsClient() signed the person in (a redirect with a session cookie). */
export function signedIn(response: Response): boolean {
  return response.status === 302 && Boolean(response.headers.get("location")?.endsWith("/account")) && response.headers.getSetCookie().some((c) => c.includes("session-token="));
}
