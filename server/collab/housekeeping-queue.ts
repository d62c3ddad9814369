/** Why a document's housekeeping runs: editing paused, or its last editor left. */
export type HousekeepingReason = "activity" | "lastEditorLeft";

/** At most this many documents are compacted at once; the others wait their turn. */
export const MAX_HOUSEKEEPING_AT_ONCE = 1;

interface Waiting {
  reason: HousekeepingReason;
  done: Promise<void>;
  resolve: () => void;
}

/**
 * Runs the housekeeping (compaction, automatic versions) of many documents a few at a time.
 * With hundreds of documents edited in bursts, pauses end on dozens of them a second, and each
 * compaction re-reads and re-encodes a whole document: run all at once, they would take the CPU
 * and the connection pool from the edits themselves. Housekeeping may wait: every edit is
 * already in the log. A document waits at most once: asking again while it waits joins that
 * run (the departure of its last editor outranks a pause); asking while it runs queues one more
 * run, for the rows written since that run read the log.
 */
export class HousekeepingQueue {
  private readonly waiting = new Map<string, Waiting>();
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly run: (planId: string, reason: HousekeepingReason) => Promise<void>,
    private readonly concurrency = MAX_HOUSEKEEPING_AT_ONCE,
  ) {}

  /** Resolves once a run of this document's housekeeping that starts after this call has ended. */
  schedule(planId: string, reason: HousekeepingReason): Promise<void> {
    const waiting = this.waiting.get(planId);
    if (waiting) {
      if (reason === "lastEditorLeft") waiting.reason = reason;
      return waiting.done;
    }
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    this.waiting.set(planId, { reason, done, resolve });
    this.pump();
    return done;
  }

  /** Resolves when nothing waits or runs (for shutdowns and tests). */
  async idle(): Promise<void> {
    while (this.waiting.size > 0 || this.running.size > 0)
      await Promise.all([...this.running.values(), ...[...this.waiting.values()].map((w) => w.done)]);
  }

  private pump() {
    for (const [planId, waiting] of this.waiting) {
      if (this.running.size >= this.concurrency) return;
      if (this.running.has(planId)) continue;
      this.waiting.delete(planId);
      // The run reports its own failures; one that escapes must not stop the queue.
      const run = this.run(planId, waiting.reason)
        .catch((error) => console.error(`Housekeeping of plan ${planId} failed:`, error))
        .finally(() => {
          this.running.delete(planId);
          waiting.resolve();
          this.pump();
        });
      this.running.set(planId, run);
    }
  }
}
