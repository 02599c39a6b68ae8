import { spawn } from "node:child_process";
import { expect, test } from "./support/test";

// A production start without the demo switch and without its services must refuse, naming each
// missing variable, instead of serving test payments and a readable outbox to the world.
test("next start refuses to serve production without Stripe, SMTP, an https site and its secrets", async () => {
  test.setTimeout(60_000);
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PGLITE_DIR: ".data/refused" };
  // Empty counts as unset, and shadows what db:setup wrote into .env.local for the demo.
  for (const name of ["DEMO_MODE", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "SMTP_URL", "CRON_SECRET", "AUTH_SECRET", "INTAKE_ENCRYPTION_KEY"]) env[name] = "";
  delete env.SITE_URL;
  const server = spawn("npx", ["next", "start", "-p", "3987"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  server.stdout.on("data", (chunk) => (output += chunk));
  server.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      server.kill("SIGTERM");
      resolve(null);
    }, 45_000);
    server.on("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  expect(code, output).not.toBe(0);
  expect(code, "the server kept running").not.toBeNull();
  for (const name of ["AUTH_SECRET", "INTAKE_ENCRYPTION_KEY", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "SMTP_URL", "SITE_URL", "CRON_SECRET"]) {
    expect(output).toContain(`${name}:`);
  }
});
