import type { Db } from "../db/client";
import { appendUpdate } from "./persistence";

/**
 * Writes a document's updates to the log one after another, retrying until the database
 * takes them, and says when everything received so far is stored. An update is never
 * dropped: if the database is down, edits wait here (and in the editors' browsers) and the
 * editors are not told they are saved.
 */
export class UpdateLog {
  private tail: Promise<void> = Promise.resolve();
  private queued = 0;

  constructor(
    private readonly db: Db,
    private readonly planId: string,
    private readonly onIdle: () => void,
  ) {}

  append(update: Uint8Array, userId: string | null): void {
    this.queued++;
    this.tail = this.tail
      .then(() => writeWithRetry(() => appendUpdate(this.db, this.planId, update, userId)))
      .then(() => {
        if (--this.queued === 0) this.onIdle();
      });
  }

  get idle() {
    return this.queued === 0;
  }

  /** Resolves once every update appended so far is stored. */
  flushed(): Promise<void> {
    return this.tail;
  }
}

async function writeWithRetry(write: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const delay = Math.min(5000, 50 * 2 ** attempt);
      console.error(`Storing a document update failed (attempt ${attempt + 1}), retrying in ${delay} ms:`, (error as Error).message);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
