import "server-only";
import { createTransport, type Transporter } from "nodemailer";
import { env } from "@/lib/env";

// nodemailer: maintained, speaks SMTP to any provider (SES, Postmark, Mailgun…) from one URL.
let transporter: Transporter | undefined;

export type MailMessage = { to: string; subject: string; text: string; html?: string; attachments?: { filename: string; content: string; contentType: string }[] };

/** `html`, when given, goes as the alternative to `text` (multipart/alternative); clients show one. */
export async function sendMail(message: MailMessage): Promise<void> {
  if (!env.SMTP_URL) throw new Error("SMTP_URL is not set");
  transporter ??= createTransport(env.SMTP_URL);
  await transporter.sendMail({ from: env.MAIL_FROM, ...message });
}
