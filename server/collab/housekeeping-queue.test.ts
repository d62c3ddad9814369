import { describe, expect, it } from "vitest";
import { HousekeepingQueue, type HousekeepingReason } from "./housekeeping-queue";

/** A run that ends when the test says so, recording what ran and how many ran at once. */
function recorder() {
  const runs: { planId: string; reason: HousekeepingReason; end: () => void }[] = [];
  let running = 0;
  let most = 0;
  const run = (planId: string, reason: HousekeepingReason) =>
    new Promise<void>((resolve) => {
      running++;
      most = Math.max(most, running);
      runs.push({ planId, reason, end: () => (running--, resolve()) });
    });
  return { runs, run, most: () => most };
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("housekeeping queue", () => {
  it("runs one document at a time, each waiting document once, the departure of its last editor outranking a pause", async () => {
    const { runs, run, most } = recorder();
    const queue = new HousekeepingQueue(run, 1);
    const done = [
      queue.schedule("a", "activity"),
      queue.schedule("b", "activity"),
      queue.schedule("b", "lastEditorLeft"),
      queue.schedule("c", "activity"),
    ];
    expect(runs.map((r) => r.planId)).toEqual(["a"]);
    for (let i = 0; i < 3; i++) {
      runs[i]!.end();
      await turn();
    }
    await Promise.all(done);
    expect(runs.map((r) => [r.planId, r.reason])).toEqual([
      ["a", "activity"],
      ["b", "lastEditorLeft"],
      ["c", "activity"],
    ]);
    expect(most()).toBe(1);
  });

  it("runs a document once more when asked while it runs, and is idle only after that run", async () => {
    const { runs, run } = recorder();
    const queue = new HousekeepingQueue(run, 2);
    void queue.schedule("a", "activity");
    const again = queue.schedule("a", "activity");
    expect(runs).toHaveLength(1);
    let idle = false;
    void queue.idle().then(() => (idle = true));
    runs[0]!.end();
    await turn();
    expect(runs).toHaveLength(2);
    expect(idle).toBe(false);
    runs[1]!.end();
    await again;
    await turn();
    expect(idle).toBe(true);
  });

  it("goes on after a run that fails", async () => {
    let calls = 0;
    const queue = new HousekeepingQueue(async () => {
      calls++;
      if (calls === 1) throw new Error("database gone");
    }, 1);
    await Promise.all([queue.schedule("a", "activity"), queue.schedule("b", "activity")]);
    expect(calls).toBe(2);
  });
});
