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

const flag = z
  .enum(["", "0", "1", "false", "true"], { message: "must be 1 (on) or 0 (off)" })
  .optional()
  .transform((v) => v === "1" || v === "true");

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  // The local demo: test payments, mail kept in the outbox, a notice on every page. Written by
  // `npm run db:setup`; a real deployment leaves it unset.
  DEMO_MODE: flag,
  DATABASE_URL: optional((v) => /^postgres(ql)?:\/\//.test(v), "must start with postgres:// or postgresql:// (leave it unset for the embedded database)"),
  // The owner that `npm run db:migrate` connects as, when the app's own DATABASE_URL is a role
  // without DDL (relief_app); unset, migrations run as DATABASE_URL.
  MIGRATION_DATABASE_URL: optional((v) => /^postgres(ql)?:\/\//.test(v), "must start with postgres:// or postgresql://"),
  DATABASE_DRIVER: z.enum(["", "pg", "neon"], { message: "must be pg or neon (leave it unset to choose from DATABASE_URL)" }).optional().transform((v) => v || undefined),
  // host:port of a plain WebSocket-to-TCP proxy in front of a local server, so Neon's driver can
  // be tested without Neon (`npm run test:neon` sets it). Never in production.
  NEON_WS_PROXY: optional((v) => /^[\w.-]+:\d+$/.test(v), "must be host:port of a local WebSocket proxy"),
  PGLITE_DIR: z.string().trim().min(1).default(".data/pglite"),
  // Tests only: a migrated PGlite data folder (a .tar from db/testing/pglite-template.ts) that an
  // in-memory database starts from, instead of running initdb and every migration per test file.
  PGLITE_TEMPLATE: optional((v) => v.endsWith(".tar"), "must be the path of a .tar of a migrated PGlite data folder (tests only)"),
  SITE_URL: z.url({ message: "must be an absolute URL such as http://localhost:3000" }).optional(),
  SQL_LOG_FILE: z.string().trim().optional(),
  // Set by Next itself while `next build` runs application code.
  NEXT_PHASE: z.string().optional(),
  AUTH_SECRET: optional((v) => v.length >= 32, "must be at least 32 characters (try: openssl rand -base64 32)"),
  SMTP_URL: optional((v) => /^smtps?:\/\//.test(v), "must start with smtp:// or smtps:// (leave it unset to use the dev outbox)"),
  MAIL_FROM: z.string().trim().min(3).default("Relief Finder <no-reply@relief-finder.example>"),
  CRON_SECRET: optional((v) => v.length >= 16, "must be at least 16 characters"),
  STRIPE_SECRET_KEY: optional((v) => /^(sk|rk)_(test|live)_/.test(v), "must be a Stripe secret key (sk_test_… or sk_live_…), or unset for test-payment mode"),
  STRIPE_WEBHOOK_SECRET: optional((v) => v.startsWith("whsec_"), "must be a webhook signing secret (whsec_…)"),
  INTAKE_ENCRYPTION_KEY: optional((v) => Buffer.from(v, "base64").length === 32, "must be 32 random bytes, base64-encoded (try: openssl rand -base64 32)"),
  // The request header in which the platform's proxy puts the client's address (x-forwarded-for on
  // Vercel). Unset, no header is believed: any client can write one.
  TRUSTED_PROXY_IP_HEADER: optional((v) => /^[A-Za-z0-9-]{1,64}$/.test(v), "must be a header name such as x-forwarded-for").transform((v) => v?.toLowerCase()),
});

const DEFAULT_SITE_URL = "http://localhost:3000";

/** The parsed environment; SITE_URL falls back to localhost, and `siteUrlSet` says whether it was given. */
export type Env = Omit<z.infer<typeof schema>, "SITE_URL"> & { SITE_URL: string; siteUrlSet: boolean };

const invalid = (lines: string[]) => new Error(`Invalid environment (see .env.example):\n${lines.map((line) => `  ${line}`).join("\n")}`);
const missing = (name: string, why: string) => invalid([`${name}: ${why}`]);

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  return { ...parsed.data, SITE_URL: parsed.data.SITE_URL ?? DEFAULT_SITE_URL, siteUrlSet: parsed.data.SITE_URL !== undefined };
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

/**
 * The secret webhook signatures are checked against. There is no built-in one: the demo's is
 * random per install (`npm run db:setup` writes it), a deployment's is its Stripe endpoint's.
 */
export function stripeWebhookSecret(source: Env = env): string {
  if (source.STRIPE_WEBHOOK_SECRET) return source.STRIPE_WEBHOOK_SECRET;
  throw missing("STRIPE_WEBHOOK_SECRET", source.DEMO_MODE ? "run `npm run db:setup` to write the demo's own" : "required to accept Stripe's webhook");
}

/** The explicit local demo switch; nothing else allows test payments or the dev outbox. */
export const isDemo = (source: Env = env): boolean => source.DEMO_MODE;

/** Test payments stand in for Stripe only in the demo, and only while no Stripe key is set. */
export const isTestPaymentMode = (source: Env = env): boolean => source.DEMO_MODE && !source.STRIPE_SECRET_KEY;

/** Mail is kept in the outbox (readable at /dev/outbox) in development and the demo, never in a deployment. */
export const isOutboxReadable = (source: Env = env): boolean => source.NODE_ENV === "development" || source.DEMO_MODE;

/**
 * What a production server lacks to run safely, one line per variable; empty when it may start.
 * The demo is exempt from the deployment's services but still needs its own secrets.
 */
export function productionProblems(source: Env = env): string[] {
  if (source.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  const need = (ok: unknown, line: string) => {
    if (!ok) problems.push(line);
  };
  need(!source.NEON_WS_PROXY, "NEON_WS_PROXY: only for tests against a local server (it turns off TLS to the database)");
  need(!source.PGLITE_TEMPLATE, "PGLITE_TEMPLATE: only for tests (an in-memory database started from a file)");
  need(source.AUTH_SECRET, "AUTH_SECRET: required (signs session cookies)");
  need(source.INTAKE_ENCRYPTION_KEY, "INTAKE_ENCRYPTION_KEY: required (encrypts intake answers)");
  if (source.DEMO_MODE) {
    need(!source.STRIPE_SECRET_KEY?.startsWith("sk_live_") && !source.STRIPE_SECRET_KEY?.startsWith("rk_live_"), "DEMO_MODE: cannot run with a live Stripe key");
    need(source.STRIPE_WEBHOOK_SECRET, "STRIPE_WEBHOOK_SECRET: required by the demo's test payments (run `npm run db:setup`)");
    return problems;
  }
  need(source.STRIPE_SECRET_KEY, "STRIPE_SECRET_KEY: required (deposits go through Stripe Checkout)");
  need(source.STRIPE_WEBHOOK_SECRET, "STRIPE_WEBHOOK_SECRET: required (verifies Stripe's webhook)");
  need(source.SMTP_URL, "SMTP_URL: required (sign-up, booking and reminder emails)");
  need(source.siteUrlSet && (isHttpsSite(source) || isLocalhost(source.SITE_URL)), "SITE_URL: required, the site's https:// origin (http only for localhost)");
  need(source.CRON_SECRET, "CRON_SECRET: required (protects the cron routes)");
  return problems;
}

/** The site is served over https: secure cookies, HSTS and upgraded subresource requests. */
export const isHttpsSite = (source: Env = env): boolean => source.SITE_URL.startsWith("https://");
const isLocalhost = (url: string) => ["localhost", "127.0.0.1", "[::1]"].includes(new URL(url).hostname);

/** True while `next build` prerenders: the build needs no secrets. */
export const isBuildPhase = (source: Env = env): boolean => source.NEXT_PHASE === "phase-production-build";

/** Stops a production server that lacks what it needs, naming every missing variable. */
export function assertDeployable(source: Env = env): void {
  const problems = productionProblems(source);
  if (problems.length > 0) throw invalid([...problems, "Set them, or run the local demo with DEMO_MODE=1 (`npm run db:setup` writes it)."]);
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
