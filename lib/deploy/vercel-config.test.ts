import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// vercel.json is read only by Vercel, so nothing else would notice a cron or a function setting
// that names a route which moved, or a duration the platform refuses.
type VercelConfig = {
  buildCommand: string;
  crons: { path: string; schedule: string }[];
  functions: Record<string, { maxDuration: number }>;
};

const config = JSON.parse(readFileSync("vercel.json", "utf8")) as VercelConfig;
const packageJson = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };

describe("vercel.json", () => {
  it("migrates the database before building, with the scripts the README names", () => {
    expect(config.buildCommand).toBe("npm run db:migrate && npm run build");
    expect(packageJson.scripts["db:migrate"]).toBeDefined();
  });

  it("schedules only routes that exist, each as a GET route handler", () => {
    expect(config.crons.length).toBeGreaterThan(0);
    for (const cron of config.crons) {
      const file = `app${cron.path}/route.ts`;
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, "utf8")).toMatch(/export const GET\b/);
      // Five fields; Vercel runs crons in UTC.
      expect(cron.schedule.split(" ")).toHaveLength(5);
    }
  });

  it("sets durations for files that exist, within what every plan allows (60 s)", () => {
    for (const [file, settings] of Object.entries(config.functions)) {
      expect(existsSync(file), file).toBe(true);
      expect(settings.maxDuration).toBeGreaterThan(0);
      expect(settings.maxDuration).toBeLessThanOrEqual(60);
    }
  });
});
