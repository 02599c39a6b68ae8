export function tooManyAttemptsMessage(minutes: number): string {
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export const WRONG_CREDENTIALS = "That email and password don't match an account.";
export const ACCOUNT_CLOSED = "This account is suspended or closed. Contact support if you think this is a mistake.";
export const RESET_REQUESTED =
  "If an account uses that address, we have emailed it a link to choose a new password. The link works for 60 minutes; if nothing arrives in a few minutes, check your spam folder.";
export const RESET_LINK_SPENT = "This link has expired or has already been used. Ask for a new one below.";
export const SIGN_IN_BUSY = "We are handling a lot of sign-ins right now. Try again in a few seconds.";

/** What a sign-in refused with `code` (see SignInRefused) says, and how long it asks to wait; null for "try again now". */
export function signInRefusal(code: string): { message: string; retryAfterSeconds: number | null } {
  if (code.startsWith("locked:")) {
    const minutes = Number(code.slice("locked:".length)) || 15;
    return { message: tooManyAttemptsMessage(minutes), retryAfterSeconds: minutes * 60 };
  }
  if (code === "busy") return { message: SIGN_IN_BUSY, retryAfterSeconds: 2 };
  return { message: code === "closed" ? ACCOUNT_CLOSED : WRONG_CREDENTIALS, retryAfterSeconds: null };
}

/** Only same-site paths: a sign-in link must never send someone to another site afterwards. */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value.length > 500 ? fallback : value;
}

/** Sign-up's one answer, whether or not the address already has an account. */
export const SIGN_UP_SENT = "Check your email to finish creating your account.";
export const EMAIL_LINK_SPENT = "This link has expired or has already been used. Sign in and ask for a new one on your account page.";
export const EMAIL_TAKEN_SINCE = "Another account now uses that address, so yours keeps its current one. Ask for the change again with a different address.";
