import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Tests run server code directly; `server-only` guards against client bundles, not tests.
      "server-only": `${root}node_modules/server-only/empty.js`,
    },
  },
  test: {
    // Tests run as the local demo does (test payments, the outbox), with a webhook secret that is
    // random per run, like the one `npm run db:setup` writes.
    env: { TZ: "UTC", DEMO_MODE: "1", STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("base64url")}` },
    // next-auth imports "next/server" without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.ts", "db/**/*.test.ts", "proxy.test.ts"], exclude: ["**/*.int.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["lib/**/*.int.test.ts", "db/**/*.int.test.ts"],
          globalSetup: ["db/testing/global-setup.ts"],
          setupFiles: ["db/testing/per-file-database.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file has its own database (db/testing/per-file-database.ts), so files run side by
          // side; at least two, because they wait on Postgres as much as they compute, and
          // Vitest's default on a 2-core machine is one.
          maxWorkers: Math.max(2, availableParallelism() - 1),
          // A project with its own maxWorkers runs as its own group: after the unit tests.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
