import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "./e2e/support/browser";

// E2E_PORT lets two checkouts run their browser tests at once without meeting each other's server.
const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? "list" : [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Recording a trace for every test cost CI about a seventh of the browser suite's time; under
    // CI a failure is retried once, and that retry records one.
    trace: process.env.CI ? "on-first-retry" : "retain-on-failure",
    timezoneId: "America/New_York",
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS } } },
  ],
  webServer: {
    command: "npx tsx e2e/support/start-server.ts",
    url: `http://127.0.0.1:${PORT}/api/providers?page=1`,
    // The tests stand in for the platform's proxy: a browser context that sends x-forwarded-for
    // signs in from that address; one that sends none comes from 127.0.0.1, which `next start`
    // writes into the header itself.
    env: { PORT: String(PORT), PGLITE_DIR: ".data/e2e", SITE_URL: `http://127.0.0.1:${PORT}`, TRUSTED_PROXY_IP_HEADER: "x-forwarded-for" },
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
  },
});
