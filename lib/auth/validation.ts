import { z } from "zod";
import { safeString } from "@/lib/validation/text";
import { PASSWORD_MIN_LENGTH } from "./password-policy";

export { PASSWORD_MIN_LENGTH };

const email = safeString({ message: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ message: "Enter an email address like name@example.com." }))
  .transform((value) => value.toLowerCase());

export const signInSchema = z.object({
  email,
  password: safeString({ message: "Enter your password." }).min(1, "Enter your password.").max(200, "That password is too long."),
});

/** A password being chosen: the one rule for sign-up and every later change. */
const newPassword = safeString({ message: "Choose a password." })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(200, "Use at most 200 characters.");

export const signUpSchema = z.object({
  name: safeString({ message: "Enter your name." }).trim().min(1, "Enter your name.").max(120, "Use at most 120 characters."),
  email,
  password: newPassword,
  role: z.enum(["patient", "provider"], { message: "Choose whether you are a patient or a provider." }),
});

export const forgotPasswordSchema = z.object({ email });

// A token is 43 base64url characters; anything else is not one of ours.
const linkToken = safeString({ message: "This link is incomplete. Open it again from the email." }).regex(/^[A-Za-z0-9_-]{43}$/, "This link is incomplete. Open it again from the email.");

export const resetPasswordSchema = z.object({ token: linkToken, password: newPassword });

/** /account: the account's own name, under the sign-up rule. */
export const changeNameSchema = signUpSchema.pick({ name: true });

export const changePasswordSchema = z.object({
  currentPassword: safeString({ message: "Enter your current password." }).min(1, "Enter your current password.").max(200, "That password is too long."),
  password: newPassword,
});

/** Deleting the account: the password again, so a session left open cannot do it. */
export const deleteAccountSchema = z.object({
  password: safeString({ message: "Enter your password." }).min(1, "Enter your password.").max(200, "That password is too long."),
});

/** A checkbox sends "on" when ticked and nothing when not. */
export const notificationSettingsSchema = z.object({ bookingReminders: z.boolean(), diaryReminders: z.boolean() });

/** The link from a verification or email-change email; `next` is checked by safeReturnPath where it is used. */
export const emailLinkSchema = z.object({ token: linkToken, next: safeString().max(500).optional() });

/** Asking for the verification link again, from the page the owner should come back to. */
export const resendVerificationSchema = z.object({ returnTo: safeString().max(500).optional() });

export const changeEmailSchema = z.object({
  newEmail: email,
  password: safeString({ message: "Enter your current password." }).min(1, "Enter your current password.").max(200, "That password is too long."),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignInInput = z.infer<typeof signInSchema>;

export const accountIdSchema = z.object({ userId: z.uuid({ message: "That account no longer exists. Reload the page." }) });
export const disableAccountSchema = accountIdSchema.extend({
  reason: safeString({ message: "Give a reason for disabling the account." })
    .trim()
    .min(5, "Give a reason another admin can understand later.")
    .max(500, "Use at most 500 characters."),
});
