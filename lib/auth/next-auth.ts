import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authSecret, env, isHttpsSite, type Env } from "@/lib/env";
import { log } from "@/lib/log/logger";
import { clientAddress } from "./client-ip";
import { revokeSession, sessionKey, startSession } from "./session-store";
import { attemptSignIn } from "./sign-in";
import { signInSchema } from "./validation";

/** Thrown from authorize(); `code` reaches the sign-in action, which turns it into a message. */
export class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

declare module "next-auth" {
  interface User {
    /** The new session's token, from authorize() to the jwt callback, which seals it into the cookie. */
    sessionToken?: string;
  }
  interface Session {
    /** The session row's key (a hash of the token): what getCurrentUser() looks up. */
    sessionKey?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}

/** Auth.js settings for an environment; the app's own is `env`, a test may pass another. */
export const authConfig = (source: Env = env): NextAuthConfig => ({
  secret: authSecret(source),
  // Credentials sign-in requires JWT sessions. The token carries the user id and a session token
  // whose row (lib/auth/session-store.ts) getCurrentUser() checks on every request; the row has
  // the real, per-role lifetime, so the cookie may live as long as the longest (a patient's 30 days).
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  // On an https site the session cookie is `__Secure-authjs.session-token` with the Secure flag,
  // so it never travels over http; plain http on localhost for development and the browser tests.
  useSecureCookies: isHttpsSite(source),
  pages: { signIn: "/sign-in" },
  logger: {
    // Auth.js logs every refused sign-in as an error with its stack; a wrong password is not one.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      log.error("auth_error", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      // `request` carries the original request's headers, from the sign-in form's server action
      // (signIn() copies them) and from a direct POST to /api/auth/callback/credentials alike.
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new SignInRefused("invalid");
        const result = await attemptSignIn({ ...parsed.data, ip: clientAddress(request.headers) });
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name, sessionToken: await startSession(result.user.id) };
        throw new SignInRefused(result.reason === "locked" ? `locked:${result.retryAfterMinutes}` : result.reason);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = user.sessionToken;
      }
      return token;
    },
    // What auth() returns, and /api/auth/session shows the browser: the row's key, never the token.
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return { ...session, sessionKey: token.sid ? sessionKey(token.sid) : undefined };
    },
  },
  events: {
    // Auth.js's own sign-out endpoint (POST /api/auth/signout, after its CSRF check) ends the row
    // too; signOutAction ends it first itself, because Auth.js logs and swallows an error thrown
    // here and clears the cookie anyway, which would leave the copied cookie working.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await revokeSession(sessionKey(sid));
    },
  },
});

// A lazy config: the secret is read on the first request, never while `next build` imports this.
export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());
