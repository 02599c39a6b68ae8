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
      // Only lib/env.ts reads the environment (docs/architecture.md, "Data flow").
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration from lib/env.ts." }],
      // Schemas take strings through safeString (lib/validation/text.ts), which refuses a NUL byte
      // or a lone surrogate with a field error instead of letting Postgres answer 500.
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.object.name='z'][callee.property.name='string']", message: "Use safeString() from lib/validation/text.ts." },
      ],
      // `const { secret, ...rest } = row` is how a DTO drops a column.
      "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true, argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/env.ts", "**/*.test.ts", "db/testing/**", "e2e/**", "playwright.config.ts", "vitest.config.ts", "drizzle.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["lib/validation/text.ts", "lib/env.ts", "**/*.test.ts", "e2e/**"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // A spec that used Playwright's own `test` would miss the check for CSP violations.
    files: ["e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@playwright/test", importNames: ["test", "expect"], message: "Import test and expect from ./support/test." }] },
      ],
    },
  },
  { ignores: [".next/**", "node_modules/**", ".data/**", "db/migrations/**", "next-env.d.ts"] },
];

export default config;
