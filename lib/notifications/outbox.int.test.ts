import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { env, parseEnv } from "@/lib/env";
import { listDevOutbox } from "./outbox";

// The outbox holds every email the app sent, sign-in links and booking times included: readable
// in development and the demo, where no mail leaves the machine, and never in a deployment.

vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), connection: async () => {} }));

const deployment = () =>
  parseEnv({
    NODE_ENV: "production",
    AUTH_SECRET: "x".repeat(40),
    INTAKE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
    STRIPE_SECRET_KEY: "sk_live_abc",
    STRIPE_WEBHOOK_SECRET: "whsec_abc",
    SMTP_URL: "smtp://mail.example.com:587",
    SITE_URL: "https://relief.example",
    CRON_SECRET: "c".repeat(20),
  });

beforeAll(async () => {
  const db = await getDb();
  await db.insert(emailOutbox).values({ toAddress: "someone@example.com", subject: "Sign in", bodyText: "Your link", kind: "test" });
});

describe("the dev outbox", () => {
  it("lists mail in development and the demo", async () => {
    expect((await listDevOutbox(100, parseEnv({ NODE_ENV: "development" }))).map((e) => e.subject)).toEqual(["Sign in"]);
    expect((await listDevOutbox(100, parseEnv({ NODE_ENV: "production", DEMO_MODE: "1" }))).map((e) => e.subject)).toEqual(["Sign in"]);
  });

  it("refuses to list anything in a deployment", async () => {
    await expect(listDevOutbox(100, deployment())).rejects.toThrow(/only in development and the demo/);
    await expect(listDevOutbox(100, parseEnv({ NODE_ENV: "test" }))).rejects.toThrow(/only in development and the demo/);
  });

  it("is a 404 page in a deployment", async () => {
    const { default: DevOutboxPage } = await import("@/app/dev/outbox/page");
    const demo = { ...env };
    Object.assign(env, deployment());
    try {
      await expect(DevOutboxPage()).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/) });
    } finally {
      Object.assign(env, demo);
    }
    // The same page in the demo (as the tests run) shows the mail.
    expect(JSON.stringify(await DevOutboxPage())).toContain("Sign in");
  });
});
