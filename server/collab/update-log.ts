import type { Db } from "../db/client";
import { appendUpdatesDirectly, type StoredUpdate } from "../documents/storage";

/**
 * Writes a document's updates to the log in arrival order, retrying until the database takes
 * them, and says when everything received so far is stored. Updates that arrive while a write
 * is under way wait and go together in the next write, and the writes of all documents that are
 * waiting share one INSERT (group commit, see BatchWriter): under load, one round trip and
 * one commit carry the keystrokes of many documents. An update is never dropped: if the database is down,
 * edits wait here (and in the editors' browsers) and the editors are not told they are saved.
 */
export class UpdateLog {
  private pending: StoredUpdate[] = [];
  private draining: Promise<void> | null = null;
  private lastAnnounced = 0;
  private announcement: NodeJS.Timeout | null = null;

  constructor(
    private readonly writer: BatchWriter,
    private readonly planId: string,
    private readonly onIdle: () => void,
  ) {}

  append(update: Uint8Array, userId: string | null): void {
    this.pending.push({ planId: this.planId, update, userId });
    this.draining ??= this.drain();
  }

  get idle() {
    return this.draining === null;
  }

  /** Resolves once every update appended so far is stored (the announcement may follow later). */
  flushed(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  /** Writes batches until nothing waits, then announces (only then) that all is stored. */
  private async drain(): Promise<void> {
    const writer = this.writer;
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      await writeWithRetry(() => writer.write(batch));
    }
    this.draining = null;
    this.announce();
  }

  /**
   * Tells the editors everything is stored, at most once per ANNOUNCE_INTERVAL_MS: while people
   * type, each keystroke is committed on its own, and one "saved" per keystroke to every
   * editor of the document would double the frames the server sends. A deferred announcement
   * is dropped if writing resumed meanwhile (the end of that write announces instead).
   */
  private announce() {
    const wait = this.lastAnnounced + ANNOUNCE_INTERVAL_MS - Date.now();
    if (wait <= 0) {
      this.lastAnnounced = Date.now();
      return this.onIdle();
    }
    this.announcement ??= setTimeout(() => {
      this.announcement = null;
      if (this.idle) this.announce();
    }, wait).unref();
  }
}

/** How often, at most, a document's editors are told that everything is stored. */
export const ANNOUNCE_INTERVAL_MS = 200;

/**
 * Group commit: one INSERT of the log at a time, carrying whatever every document queued
 * while the previous one ran, and started at most GATHER_MS after the first row waits. Each
 * statement costs far more CPU than its rows do (the driver's round trip and a system call
 * that wakes the database: a third of the server's busy time under load with two writes in
 * flight); a keystroke's "saved" waits a few milliseconds more, its delivery to the other
 * editors not at all.
 */
const MAX_WRITES_IN_FLIGHT = 1;
const GATHER_MS = 3;
/** One INSERT carries at most this many rows or bytes (bind parameters and memory stay bounded). */
const MAX_BATCH_ROWS = 1000;
const MAX_BATCH_BYTES = 8 * 1024 * 1024;

interface Job {
  rows: StoredUpdate[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Collects the waiting batches of every document of one database and writes them together.
 * One INSERT statement commits all its rows or none, so each waiting log is resolved only
 * after its rows are committed. If a combined INSERT fails, each document's rows are tried on
 * their own, so that one document that cannot be stored (its plan deleted) does not hold the
 * others back.
 */
export class BatchWriter {
  private queue: Job[] = [];
  private inFlight = 0;
  private gathering: NodeJS.Timeout | null = null;

  constructor(private readonly db: Db) {}

  write(rows: StoredUpdate[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      this.gathering ??= setTimeout(() => {
        this.gathering = null;
        this.pump();
      }, GATHER_MS);
    });
  }

  private pump() {
    while (this.inFlight < MAX_WRITES_IN_FLIGHT && this.queue.length > 0) {
      const jobs: Job[] = [];
      let rows = 0;
      let bytes = 0;
      while (this.queue.length > 0) {
        const job = this.queue[0]!;
        const size = job.rows.reduce((sum, row) => sum + row.update.length, 0);
        if (jobs.length > 0 && (rows + job.rows.length > MAX_BATCH_ROWS || bytes + size > MAX_BATCH_BYTES)) break;
        jobs.push(this.queue.shift()!);
        rows += job.rows.length;
        bytes += size;
      }
      this.inFlight++;
      void this.insert(jobs).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async insert(jobs: Job[]) {
    try {
      await appendUpdatesDirectly(
        this.db,
        jobs.flatMap((job) => job.rows),
      );
      for (const job of jobs) job.resolve();
    } catch (error) {
      if (jobs.length === 1) return jobs[0]!.reject(error);
      await Promise.all(jobs.map((job) => appendUpdatesDirectly(this.db, job.rows).then(job.resolve, job.reject)));
    }
  }
}

async function writeWithRetry(write: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const delay = Math.min(5000, 50 * 2 ** attempt);
      console.error(
        `Storing a document update failed (attempt ${attempt + 1}), retrying in ${delay} ms:`,
        (error as Error).message,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
