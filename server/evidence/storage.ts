import type { Effects } from "../commands/effects";
import type { Tx } from "../commands/run-command";
import type { Db } from "../db/client";
import type { EvidenceStorage } from "../db/generated/client";

/** The stored copies of one file: the file itself, and a small image for display. */
export type Variant = "file" | "thumbnail";
export type FileCopies = { file: Buffer; thumbnail?: Buffer };

/** Bytes handed to a store for a command that may still fail. */
export interface StagedFiles {
  /** Inside the command's transaction, with the evidence row. */
  save(tx: Tx): Promise<void>;
  /** The command failed: whatever was stored ahead of it goes. */
  discard(): Promise<void>;
}

/**
 * Where evidence bytes live. Two stores, one chosen by config (server/evidence/stores.ts):
 * the database (bytes in EvidenceBlob, written and deleted in the command's own transaction,
 * so several instances share them without a shared disk, embedded PGlite included) and
 * S3-compatible object storage (written before the command, deleted after it commits).
 */
export interface EvidenceStore {
  readonly kind: EvidenceStorage;
  stage(evidenceId: string, copies: FileCopies): Promise<StagedFiles>;
  /** The bytes, or null when there are none (deleted, or never stored). */
  read(db: Db, evidenceId: string, variant: Variant): Promise<Buffer | null>;
  /**
   * Called by the command that deletes these evidence rows (or the records they belong to), in
   * its transaction: the bytes must not outlive the rows.
   */
  remove(tx: Tx, effects: Effects, evidenceIds: string[]): Promise<void>;
}
