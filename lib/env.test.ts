import { describe, expect, it } from "vitest";
import { authSecret, intakeEncryptionKey, parseEnv } from "./env";

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
