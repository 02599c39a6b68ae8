import { NextResponse, type NextRequest } from "next/server";
import { handlers } from "@/lib/auth/next-auth";
import { tooManyAttemptsMessage } from "@/lib/auth/messages";
import { lockoutMinutesLeft } from "@/lib/auth/sign-in";

export const { GET } = handlers;

// Clients that post to Auth.js directly get the lockout as HTTP 429, not a redirect loop.
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = form?.get("email");
    if (typeof email === "string" && email.length <= 254) {
      const minutes = await lockoutMinutesLeft(email.trim().toLowerCase());
      if (minutes > 0) {
        return NextResponse.json(
          { error: { message: tooManyAttemptsMessage(minutes) } },
          { status: 429, headers: { "Retry-After": String(minutes * 60) } },
        );
      }
    }
  }
  return handlers.POST(request);
}
