import * as nextEnv from "@next/env";
import { z } from "zod";

// The one place that reads process.env. next.config.ts imports this module, so a bad
// variable stops `next dev`, `next build` and `next start` with a message naming it.
/** An optional variable: unset and empty both mean "not set"; a value must pass `valid`. */
const optional = (valid: (value: string) => boolean, message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .refine((v) => v === undefined || valid(v), { message });

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: optional((v) => /^postgres(ql)?:\/\//.test(v), "must start with postgres:// or postgresql:// (leave it unset for the embedded database)"),
  PGLITE_DIR: z.string().trim().min(1).default(".data/pglite"),
  SITE_URL: z.url({ message: "must be an absolute URL such as http://localhost:3000" }).default("http://localhost:3000"),
  SQL_LOG_FILE: z.string().trim().optional(),
  AUTH_SECRET: z.string().min(32, { message: "must be at least 32 characters (try: openssl rand -base64 32)" }).optional(),
  SMTP_URL: optional((v) => /^smtps?:\/\//.test(v), "must start with smtp:// or smtps:// (leave it unset to use the dev outbox)"),
  MAIL_FROM: z.string().trim().min(3).default("Relief Finder <no-reply@relief-finder.example>"),
  CRON_SECRET: optional((v) => v.length >= 16, "must be at least 16 characters"),
  STRIPE_SECRET_KEY: optional((v) => /^(sk|rk)_(test|live)_/.test(v), "must be a Stripe secret key (sk_test_… or sk_live_…), or unset for test-payment mode"),
  STRIPE_WEBHOOK_SECRET: optional((v) => v.startsWith("whsec_"), "must be a webhook signing secret (whsec_…)"),
  INTAKE_ENCRYPTION_KEY: optional((v) => Buffer.from(v, "base64").length === 32, "must be 32 random bytes, base64-encoded (try: openssl rand -base64 32)"),
});

export type Env = z.infer<typeof schema>;

const invalid = (lines: string[]) => new Error(`Invalid environment (see .env.example):\n${lines.map((line) => `  ${line}`).join("\n")}`);
const missing = (name: string, why: string) => invalid([`${name}: ${why}`]);

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  return parsed.data;
}

// Outside production a fixed secret keeps a fresh clone working; `npm run db:setup` writes a random
// one into .env.local, which `next start` (production mode) then loads.
const DEVELOPMENT_AUTH_SECRET = "relief-finder-development-only-secret-0000";

/**
 * The secret that signs session cookies. Asked for when a request needs it rather than at import,
 * because `next build` runs in production mode and must not need secrets.
 */
export function authSecret(source: Env = env): string {
  if (source.AUTH_SECRET) return source.AUTH_SECRET;
  if (source.NODE_ENV === "production") throw missing("AUTH_SECRET", "required in production (run `npm run db:setup` to generate one locally)");
  return DEVELOPMENT_AUTH_SECRET;
}

// Outside production a fixed key keeps tests and a fresh clone working; `npm run db:setup` writes
// a random one into .env.local. Data written with one key cannot be read with another.
const DEVELOPMENT_INTAKE_KEY = Buffer.alloc(32, "relief-finder-development-only!!").toString("base64");

/** The AES-256 key for intake answers, asked for when one is encrypted or read, never at import. */
export function intakeEncryptionKey(source: Env = env): Buffer {
  if (source.INTAKE_ENCRYPTION_KEY) return Buffer.from(source.INTAKE_ENCRYPTION_KEY, "base64");
  if (source.NODE_ENV === "production") throw missing("INTAKE_ENCRYPTION_KEY", "required in production (run `npm run db:setup` to generate one locally)");
  return Buffer.from(DEVELOPMENT_INTAKE_KEY, "base64");
}

// Test-payment mode signs its stand-in events with this when no secret is set; real Stripe events
// always need the endpoint's own secret.
const TEST_MODE_WEBHOOK_SECRET = "whsec_relief_finder_test_payment_mode_only";

/** The secret webhook signatures are checked against. With a Stripe key, only the real one. */
export function stripeWebhookSecret(source: Env = env): string {
  if (source.STRIPE_WEBHOOK_SECRET) return source.STRIPE_WEBHOOK_SECRET;
  if (source.STRIPE_SECRET_KEY) throw missing("STRIPE_WEBHOOK_SECRET", "required when STRIPE_SECRET_KEY is set");
  return TEST_MODE_WEBHOOK_SECRET;
}

// Scripts run outside Next, which would otherwise be the one loading .env and .env.local.
// @next/env is CommonJS: Node's ESM loader (tsx scripts) exposes it as `default`, Next's own
// compilation of next.config.ts as named exports.
const { loadEnvConfig } = "loadEnvConfig" in nextEnv ? nextEnv : (nextEnv as unknown as { default: typeof nextEnv }).default;
loadEnvConfig(process.cwd());
export const env = parseEnv(process.env);

/** Reads .env files again into `env`, after `npm run db:setup` has written new local secrets. */
export function reloadEnv(): void {
  loadEnvConfig(process.cwd(), undefined, undefined, true);
  Object.assign(env, parseEnv(process.env));
}
