import { describe, expect, it } from "vitest";
import { authSecret, parseEnv } from "./env";

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
