import "server-only";
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";

export class DatabaseLockedError extends Error {
  constructor(lockPath: string, holderPid: number, holderCommand: string) {
    super(
      `The embedded database is in use by process ${holderPid} (${holderCommand}). ` +
        `PGlite cannot share its folder between processes without losing data: stop that process ` +
        `first, or point PGLITE_DIR at another folder. Lock file: ${lockPath}`,
    );
    this.name = "DatabaseLockedError";
  }
}

type Holder = { pid: number; command: string };

function readHolder(lockPath: string): Holder | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(lockPath, "utf8"));
    if (parsed && typeof parsed === "object" && "pid" in parsed && typeof parsed.pid === "number") {
      return { pid: parsed.pid, command: "command" in parsed ? String(parsed.command) : "unknown" };
    }
  } catch {
    // unreadable or half-written: treated as stale below
  }
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes an exclusive lock file for the embedded database folder, or throws DatabaseLockedError
 * naming the live process that holds it. A lock left by a dead process is taken over, so a crash
 * never needs manual cleanup. Released when this process exits.
 */
export function acquireFolderLock(lockPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, command: process.argv.slice(1).join(" ") }));
      closeSync(fd);
      const release = () => {
        if (readHolder(lockPath)?.pid === process.pid) unlinkSync(lockPath);
        process.off("exit", release);
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(lockPath);
      if (holder && isAlive(holder.pid)) throw new DatabaseLockedError(lockPath, holder.pid, holder.command);
      unlinkSync(lockPath);
    }
  }
  throw new Error(`Could not take the database lock ${lockPath}`);
}
