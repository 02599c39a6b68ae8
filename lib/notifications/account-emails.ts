import "server-only";
import type { Database } from "@/db/client";
import { env } from "@/lib/env";
import { formatInstantLong } from "@/lib/ui/format";
import { renderHtmlLetter } from "./html-letter";
import { enqueueEmail, type OutgoingEmail } from "./outbox";

// Emails about the account itself. Each has a plain-text part and an HTML part saying the same
// thing; neither ever says anything about bookings, conditions or health, since an email can be
// read on a lock screen or by whoever shares the inbox. A link in one of them is a secret while it
// works, so it is said once and lives only as long as its token.

type Writer = Pick<Database, "insert">;

type Letter = {
  kind: string;
  subject: string;
  /** Plain sentences, one paragraph each. */
  paragraphs: string[];
  action: { label: string; path: string };
  /** Paragraphs after the link. */
  after?: string[];
};

const link = (path: string) => new URL(path, env.SITE_URL).toString();

/** The two parts of a letter; exported for tests, which check that they say the same thing. */
export function compose(to: string, letter: Letter): OutgoingEmail {
  const url = link(letter.action.path);
  const after = letter.after ?? [];
  const body = [...letter.paragraphs, `${letter.action.label}: ${url}`, ...after, "— Relief Finder"].join("\n\n") + "\n";
  const html = renderHtmlLetter({ subject: letter.subject, paragraphs: letter.paragraphs, action: { label: letter.action.label, url }, after });
  return { to, kind: letter.kind, subject: letter.subject, body, html };
}

export const RESET_LINK_MINUTES = 60;

/** The link to choose a new password; `token` is the secret only this email carries. */
export function queuePasswordResetEmail(writer: Writer, to: string, token: string): Promise<void> {
  return enqueueEmail(
    writer,
    compose(to, {
      kind: "password_reset",
      subject: "Reset your Relief Finder password",
      paragraphs: [
        "Someone, hopefully you, asked to reset the password of the Relief Finder account that uses this email address.",
        `The link below works once, for ${RESET_LINK_MINUTES} minutes.`,
      ],
      action: { label: "Choose a new password", path: `/reset-password?token=${encodeURIComponent(token)}` },
      after: ["If you did not ask for this, ignore this email: your password stays as it is."],
    }),
  );
}

/** Tells the owner their password changed, so a change they did not make does not go unnoticed. */
export function queuePasswordChangedEmail(writer: Writer, to: string, at: Date, signedOut: "every device" | "other devices" = "every device"): Promise<void> {
  return enqueueEmail(
    writer,
    compose(to, {
      kind: "password_changed",
      subject: "Your Relief Finder password was changed",
      paragraphs: [
        `The password of your Relief Finder account was changed on ${formatInstantLong(at.toISOString(), "UTC")}.`,
        signedOut === "every device"
          ? "Every device that was signed in to the account has been signed out."
          : "Every other device that was signed in to the account has been signed out.",
        "If you made this change, there is nothing more to do. If you did not, choose a new password now, and then check your account and bookings.",
      ],
      action: { label: "Reset your password", path: "/forgot-password" },
    }),
  );
}

/** Tells the owner their name changed: a stranger with a session must not rename an account unseen. */
export function queueNameChangedEmail(writer: Writer, to: string, at: Date): Promise<void> {
  return enqueueEmail(
    writer,
    compose(to, {
      kind: "name_changed",
      subject: "The name on your Relief Finder account was changed",
      paragraphs: [
        `The name on your Relief Finder account was changed on ${formatInstantLong(at.toISOString(), "UTC")}.`,
        "If you made this change, there is nothing more to do. If you did not, sign in, sign out of all devices from your account page, and choose a new password.",
      ],
      action: { label: "Open your account", path: "/account" },
    }),
  );
}

/** The last email to a deleted account's address: what was removed, and that it cannot be undone. */
export function queueAccountDeletedEmail(writer: Writer, to: string, at: Date): Promise<void> {
  return enqueueEmail(
    writer,
    compose(to, {
      kind: "account_deleted",
      subject: "Your Relief Finder account was deleted",
      paragraphs: [
        `Your Relief Finder account was deleted on ${formatInstantLong(at.toISOString(), "UTC")}, as you asked.`,
        "Your name, email address and password are gone, and so is what you wrote here. Upcoming bookings were cancelled, and any refund due is on its way.",
        "This cannot be undone. You are welcome to sign up again with this address at any time.",
      ],
      action: { label: "Relief Finder", path: "/" },
    }),
  );
}

export const VERIFY_LINK_HOURS = 24;

/**
 * The link that makes a new account usable (or confirms it again). `returnTo` is a same-site path
 * (the booking page with the chosen time, say) the link brings its owner back to.
 */
export function queueVerificationEmail(writer: Writer, to: string, token: string, returnTo: string | null): Promise<void> {
  const next = returnTo ? `&next=${encodeURIComponent(returnTo)}` : "";
  return enqueueEmail(
    writer,
    compose(to, {
      kind: "email_verification",
      subject: "Confirm your email for Relief Finder",
      paragraphs: [
        "Someone, hopefully you, created a Relief Finder account with this email address.",
        `Confirm the address to finish creating the account. The link below works once, for ${VERIFY_LINK_HOURS} hours.`,
      ],
      action: { label: "Confirm your email", path: `/verify-email?token=${encodeURIComponent(token)}${next}` },
      after: ["If you did not create an account, ignore this email: nothing happens without the link."],
    }),
  );
}

/**
 * Sign-up with an address that already has an account: the owner is told, and given the ways in,
 * while the visitor sees the same answer as for a new address. Nothing about the account changes.
 */
export function queueSignUpAttemptEmail(writer: Writer, to: string): Promise<void> {
  return enqueueEmail(
    writer,
    compose(to, {
      kind: "sign_up_attempt",
      subject: "Someone tried to create a Relief Finder account with your email",
      paragraphs: [
        "Someone, perhaps you, tried to create a new Relief Finder account with this email address. You already have an account, so no new one was made and nothing about yours changed.",
      ],
      action: { label: "Sign in", path: "/sign-in" },
      after: [`Forgot your password? Choose a new one: ${link("/forgot-password")}`, "If this was not you, you can ignore this email."],
    }),
  );
}

/** The link to the new address of an email change; the account keeps its old address until it is opened. */
export function queueEmailChangeLinkEmail(writer: Writer, to: string, token: string): Promise<void> {
  return enqueueEmail(
    writer,
    compose(to, {
      kind: "email_change",
      subject: "Confirm your new email for Relief Finder",
      paragraphs: [
        "Someone, hopefully you, asked to move a Relief Finder account to this email address.",
        `Confirm it to make the change; until then the account keeps its old address. The link below works once, for ${VERIFY_LINK_HOURS} hours.`,
      ],
      action: { label: "Confirm the new address", path: `/verify-email?token=${encodeURIComponent(token)}` },
      after: ["If you did not ask for this, ignore this email: nothing changes without the link."],
    }),
  );
}

/** Tells the old address that the account moved, so a change its owner did not make does not go unnoticed. */
export function queueEmailChangedEmail(writer: Writer, to: string, newEmail: string, at: Date): Promise<void> {
  return enqueueEmail(
    writer,
    compose(to, {
      kind: "email_changed",
      subject: "Your Relief Finder email was changed",
      paragraphs: [
        `On ${formatInstantLong(at.toISOString(), "UTC")} the email address of your Relief Finder account was changed from this address to ${newEmail}. Sign-in, password resets and every email now go there.`,
        "If you made this change, there is nothing more to do. If you did not, contact support at once: until then, whoever made the change can sign in with that address.",
      ],
      action: { label: "Sign in", path: "/sign-in" },
    }),
  );
}
