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
