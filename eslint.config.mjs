import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    plugins: { drizzle },
    rules: {
      // An UPDATE or DELETE without WHERE is almost always a bug that wipes a table.
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      // Only lib/env.ts reads the environment (STYLE.md).
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration from lib/env.ts." }],
      // `const { secret, ...rest } = row` is how a DTO drops a column.
      "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true, argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/env.ts", "**/*.test.ts", "db/testing/**", "e2e/**", "playwright.config.ts", "vitest.config.ts", "drizzle.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  { ignores: [".next/**", "node_modules/**", ".data/**", "db/migrations/**", "next-env.d.ts"] },
];

export default config;
