// A bound on password hashing, which is slow on purpose (argon2id: ~50 ms of CPU and 19 MiB each).
// Unbounded, a flood of sign-ins would queue thousands of them on libuv's thread pool (4 threads,
// shared with file reads, DNS lookups and zlib) and every other request would wait behind them.
// So a process runs a few at a time, keeps a short line, and turns the rest away at once: the
// sign-in answers 429 and the client tries again a moment later.

export class HashingBusyError extends Error {
  constructor() {
    super("password hashing is at capacity");
    this.name = "HashingBusyError";
  }
}

export type HashingBudget = {
  /** Runs `task` in a free slot, after waiting in line if need be; throws HashingBusyError when the line is full. */
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly running: number;
  readonly waiting: number;
};

export function createHashingBudget({ concurrent, queued }: { concurrent: number; queued: number }): HashingBudget {
  let running = 0;
  const line: (() => void)[] = [];
  // A finished task hands its slot straight to the next in line, so `running` never dips and a
  // newcomer cannot jump the line.
  const release = () => {
    const next = line.shift();
    if (next) next();
    else running--;
  };
  return {
    async run(task) {
      if (running < concurrent) running++;
      else if (line.length < queued) await new Promise<void>((resolve) => line.push(resolve));
      else throw new HashingBusyError();
      try {
        return await task();
      } finally {
        release();
      }
    },
    get running() {
      return running;
    },
    get waiting() {
      return line.length;
    },
  };
}

// Two at a time leaves half of libuv's pool to everything else; eight in line wait at most about
// four hashes' time (~0.2 s here). One budget per process, on globalThis, because Next may load
// this module more than once (a route handler's bundle and a server action's).
const globalForBudget = globalThis as typeof globalThis & { __reliefHashingBudget?: HashingBudget };
export const hashingBudget: HashingBudget = (globalForBudget.__reliefHashingBudget ??= createHashingBudget({ concurrent: 2, queued: 8 }));
