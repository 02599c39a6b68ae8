import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { conditions } from "./schema";
import { openDatabase } from "./open";

function openInAnotherProcess(dir: string) {
  const child = spawnSync("npx", ["tsx", "--conditions=react-server", "db/testing/open-folder.ts", dir], { encoding: "utf8" });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

const condition = (slug: string) => ({
  slug,
  name: slug,
  summary: "",
  howItWorks: "",
  sideEffects: "",
  expectations: "",
  insuranceNote: "",
  evaluationNote: "",
  typicalUnitsLow: 1,
  typicalUnitsHigh: 2,
});

describe("embedded database folder lock", () => {
  it("refuses a second process while one holds the folder, and loses no row", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "relief-lock-")), "pglite");
    const first = await openDatabase({ databaseUrl: undefined, pgliteDir: dir });
    await first.db.insert(conditions).values(condition("before"));

    const refused = openInAnotherProcess(dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`in use by process ${process.pid}`);

    await first.db.insert(conditions).values(condition("after"));
    await first.close();

    const reopened = openInAnotherProcess(dir);
    expect(reopened.status).toBe(0);
    expect(reopened.stdout).toContain("conditions=2");
  });

  it("takes over a lock left behind by a process that died", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "relief-lock-")), "pglite");
    const dead = spawnSync("node", ["-e", "console.log(process.pid)"], { encoding: "utf8" });
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: Number(dead.stdout.trim()), command: "crashed" }));
    const opened = await openDatabase({ databaseUrl: undefined, pgliteDir: dir });
    await opened.close();
  });
});
