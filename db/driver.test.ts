import { describe, expect, it } from "vitest";
import { chooseDriver } from "./driver";

describe("chooseDriver", () => {
  it("uses the embedded database when DATABASE_URL is unset", () => {
    expect(chooseDriver(undefined)).toBe("pglite");
  });
  it("uses Neon's driver for Neon hosts and pg for any other server", () => {
    expect(chooseDriver("postgresql://u:p@ep-cool-tree-123456.us-east-2.aws.neon.tech/db?sslmode=require")).toBe("neon");
    expect(chooseDriver("postgres://postgres@127.0.0.1:5432/test")).toBe("pg");
    expect(chooseDriver("postgres://u@db.example.com/neon.tech")).toBe("pg");
  });
  it("takes DATABASE_DRIVER over the host for a server, never for the embedded database", () => {
    expect(chooseDriver("postgres://postgres@127.0.0.1:5432/test", "neon")).toBe("neon");
    expect(chooseDriver("postgresql://u:p@ep-cool-tree-123456.us-east-2.aws.neon.tech/db", "pg")).toBe("pg");
    expect(chooseDriver(undefined, "neon")).toBe("pglite");
  });
});
