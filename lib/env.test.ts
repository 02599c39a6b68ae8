import { describe, expect, it } from "vitest";
import { assertDeployable, authSecret, intakeEncryptionKey, isOutboxReadable, isTestPaymentMode, parseEnv, productionProblems, stripeWebhookSecret } from "./env";

describe("parseEnv", () => {
  it("gives every variable a safe development default", () => {
    expect(parseEnv({})).toMatchObject({ NODE_ENV: "development", PGLITE_DIR: ".data/pglite", SITE_URL: "http://localhost:3000" });
    expect(parseEnv({}).DATABASE_URL).toBeUndefined();
    expect(authSecret(parseEnv({})).length).toBeGreaterThanOrEqual(32);
  });

  it("treats an empty DATABASE_URL as unset, as .env.example leaves it", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://localhost/db" })).toThrow(/DATABASE_URL: must start with postgres:\/\//);
    expect(() => parseEnv({ SITE_URL: "localhost" })).toThrow(/SITE_URL/);
    expect(() => parseEnv({ NODE_ENV: "staging" })).toThrow(/NODE_ENV/);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32 characters/);
  });

  it("requires a real AUTH_SECRET in production, once something needs it", () => {
    const production = parseEnv({ NODE_ENV: "production" });
    expect(() => authSecret(production)).toThrow(/AUTH_SECRET: required in production/);
    const secret = "x".repeat(40);
    expect(authSecret(parseEnv({ NODE_ENV: "production", AUTH_SECRET: secret }))).toBe(secret);
  });
});

describe("intake encryption key", () => {
  it("must be 32 bytes, and is required in production", () => {
    expect(() => parseEnv({ INTAKE_ENCRYPTION_KEY: "dG9vIHNob3J0" })).toThrow(/INTAKE_ENCRYPTION_KEY: must be 32 random bytes/);
    expect(() => intakeEncryptionKey(parseEnv({ NODE_ENV: "production" }))).toThrow(/INTAKE_ENCRYPTION_KEY: required in production/);
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(intakeEncryptionKey(parseEnv({ NODE_ENV: "production", INTAKE_ENCRYPTION_KEY: key }))).toEqual(Buffer.alloc(32, 7));
    expect(intakeEncryptionKey(parseEnv({})).length).toBe(32);
  });
});

describe("demo switch and production readiness", () => {
  const secrets = { AUTH_SECRET: "x".repeat(40), INTAKE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") };
  const deployment: Record<string, string> = {
    NODE_ENV: "production",
    ...secrets,
    STRIPE_SECRET_KEY: "sk_live_abc",
    STRIPE_WEBHOOK_SECRET: "whsec_abc",
    SMTP_URL: "smtp://mail.example.com:587",
    SITE_URL: "https://relief.example",
    CRON_SECRET: "c".repeat(20),
  };

  it("has no built-in webhook secret: without one, nothing verifies", () => {
    expect(() => stripeWebhookSecret(parseEnv({}))).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(() => stripeWebhookSecret(parseEnv({ DEMO_MODE: "1" }))).toThrow(/npm run db:setup/);
    expect(stripeWebhookSecret(parseEnv({ STRIPE_WEBHOOK_SECRET: "whsec_own" }))).toBe("whsec_own");
  });

  it("allows test payments and the outbox only with the demo switch", () => {
    expect(isTestPaymentMode(parseEnv({}))).toBe(false);
    expect(isTestPaymentMode(parseEnv({ NODE_ENV: "production" }))).toBe(false);
    expect(isTestPaymentMode(parseEnv({ DEMO_MODE: "1" }))).toBe(true);
    expect(isTestPaymentMode(parseEnv({ DEMO_MODE: "1", STRIPE_SECRET_KEY: "sk_test_x" }))).toBe(false);
    expect(isOutboxReadable(parseEnv({ NODE_ENV: "production" }))).toBe(false);
    expect(isOutboxReadable(parseEnv({ NODE_ENV: "production", DEMO_MODE: "1" }))).toBe(true);
    expect(isOutboxReadable(parseEnv({ NODE_ENV: "development" }))).toBe(true);
    expect(() => parseEnv({ DEMO_MODE: "yes" })).toThrow(/DEMO_MODE: must be 1 \(on\) or 0 \(off\)/);
  });

  it("refuses to start production without every service and secret, naming each one missing", () => {
    expect(() => assertDeployable(parseEnv(deployment))).not.toThrow();
    const error = (() => {
      try {
        assertDeployable(parseEnv({ NODE_ENV: "production" }));
      } catch (e) {
        return String(e);
      }
      return "";
    })();
    for (const name of ["AUTH_SECRET", "INTAKE_ENCRYPTION_KEY", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "SMTP_URL", "SITE_URL", "CRON_SECRET"]) {
      expect(error).toContain(`${name}:`);
    }
    for (const name of Object.keys(deployment).filter((k) => k !== "NODE_ENV")) {
      const { [name]: _left, ...rest } = deployment;
      expect(productionProblems(parseEnv(rest)).join("\n"), name).toContain(`${name}:`);
    }
  });

  it("wants an https SITE_URL in production, except for localhost", () => {
    expect(productionProblems(parseEnv({ ...deployment, SITE_URL: "http://relief.example" })).join()).toMatch(/SITE_URL/);
    expect(productionProblems(parseEnv({ ...deployment, SITE_URL: "http://localhost:3000" }))).toEqual([]);
  });

  it("refuses a production server pointed at a test WebSocket proxy, demo or not", () => {
    expect(productionProblems(parseEnv({ ...deployment, NEON_WS_PROXY: "127.0.0.1:4444" })).join()).toMatch(/NEON_WS_PROXY/);
    expect(productionProblems(parseEnv({ NODE_ENV: "production", DEMO_MODE: "1", ...secrets, STRIPE_WEBHOOK_SECRET: "whsec_random", NEON_WS_PROXY: "127.0.0.1:4444" })).join()).toMatch(/NEON_WS_PROXY/);
    expect(() => parseEnv({ DATABASE_DRIVER: "mysql" })).toThrow(/DATABASE_DRIVER: must be pg or neon/);
  });

  it("lets the demo run in production mode with its own secrets, but never with a live Stripe key", () => {
    const demo = { NODE_ENV: "production", DEMO_MODE: "1", ...secrets, STRIPE_WEBHOOK_SECRET: "whsec_random" };
    expect(productionProblems(parseEnv(demo))).toEqual([]);
    expect(productionProblems(parseEnv({ ...demo, STRIPE_SECRET_KEY: "sk_live_x" })).join()).toMatch(/live Stripe key/);
    expect(productionProblems(parseEnv({ ...demo, STRIPE_WEBHOOK_SECRET: "" })).join()).toMatch(/STRIPE_WEBHOOK_SECRET/);
  });
});
