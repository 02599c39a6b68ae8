import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("gives every variable a safe development default", () => {
    expect(parseEnv({})).toEqual({ NODE_ENV: "development", DATABASE_URL: undefined, PGLITE_DIR: ".data/pglite", SITE_URL: "http://localhost:3000" });
  });

  it("treats an empty DATABASE_URL as unset, as .env.example leaves it", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://localhost/db" })).toThrow(/DATABASE_URL: must start with postgres:\/\//);
    expect(() => parseEnv({ SITE_URL: "localhost" })).toThrow(/SITE_URL/);
    expect(() => parseEnv({ NODE_ENV: "staging" })).toThrow(/NODE_ENV/);
  });
});
