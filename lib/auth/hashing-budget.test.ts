import { describe, expect, it } from "vitest";
import { createHashingBudget, HashingBusyError } from "./hashing-budget";

/** A task that finishes when told to, recording whether it started. */
function gate<T>(value: T) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const task = { started: false, run: async () => ((task.started = true), await opened, value), open: () => open() };
  return task;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the hashing budget", () => {
  it("runs at most `concurrent` tasks at once and starts the next in line as one finishes", async () => {
    const budget = createHashingBudget({ concurrent: 2, queued: 2 });
    const tasks = [gate("a"), gate("b"), gate("c"), gate("d")];
    const results = tasks.map((t) => budget.run(t.run));
    await settle();
    expect(tasks.map((t) => t.started)).toEqual([true, true, false, false]);
    expect([budget.running, budget.waiting]).toEqual([2, 2]);

    tasks[1]!.open();
    await settle();
    // First in line, first served.
    expect(tasks.map((t) => t.started)).toEqual([true, true, true, false]);
    expect([budget.running, budget.waiting]).toEqual([2, 1]);

    for (const t of tasks) t.open();
    expect(await Promise.all(results)).toEqual(["a", "b", "c", "d"]);
    expect([budget.running, budget.waiting]).toEqual([0, 0]);
  });

  it("turns a task away at once when the line is full, without running it", async () => {
    const budget = createHashingBudget({ concurrent: 1, queued: 1 });
    const [first, second, third] = [gate(1), gate(2), gate(3)];
    const running = [budget.run(first.run), budget.run(second.run)];
    await expect(budget.run(third.run)).rejects.toBeInstanceOf(HashingBusyError);
    expect(third.started).toBe(false);
    first.open();
    second.open();
    expect(await Promise.all(running)).toEqual([1, 2]);
    // Room again once the line has drained.
    third.open();
    expect(await budget.run(third.run)).toBe(3);
  });

  it("frees the slot of a task that fails", async () => {
    const budget = createHashingBudget({ concurrent: 1, queued: 0 });
    await expect(
      budget.run(async () => {
        throw new Error("argon2 failed");
      }),
    ).rejects.toThrow("argon2 failed");
    expect(budget.running).toBe(0);
    expect(await budget.run(async () => "next")).toBe("next");
  });
});
