import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authSecret, env, isHttpsSite, type Env } from "@/lib/env";
import { log } from "@/lib/log/logger";
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
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sessionVersion?: number;
  }
}

/** Auth.js settings for an environment; the app's own is `env`, a test may pass another. */
export const authConfig = (source: Env = env): NextAuthConfig => ({
  secret: authSecret(source),
  // Credentials sign-in requires JWT sessions; the token carries only the user id and the
  // session version, and getCurrentUser() checks both against the database on every request.
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
      async authorize(credentials) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new SignInRefused("invalid");
        const result = await attemptSignIn(parsed.data.email, parsed.data.password);
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.user.sessionVersion };
        throw new SignInRefused(result.reason === "locked" ? `locked:${result.retryAfterMinutes}` : result.reason);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return { ...session, sessionVersion: token.sessionVersion ?? 0 };
    },
  },
});

// A lazy config: the secret is read on the first request, never while `next build` imports this.
export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());
