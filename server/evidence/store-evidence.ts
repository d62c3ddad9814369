import { randomUUID } from "node:crypto";
import { changePlan, type LockedPlan, type PlanRight } from "../commands/change-plans";
import type { Effects } from "../commands/effects";
import type { Tx } from "../commands/run-command";
import type { Db } from "../db/client";
import type { Actor } from "../policies/actor";
import { evidenceSelect } from "./evidence-select";
import type { PreparedFile } from "./prepare-file";
import { currentStore } from "./stores";
import type { SubjectLink } from "./subjects";

export type StoredEvidence = Awaited<ReturnType<typeof createRow>>;

/**
 * Stores a checked file as evidence of a plan, as one command: its bytes are staged in the
 * current store, then the plan is locked and `right` checked again, `check` runs (the record
 * it hangs on still exists), the row and (in the database) its bytes are written, then `then`
 * adds what else the command does. If any of it fails, the staged bytes are discarded.
 */
export async function storeEvidence<T>(
  db: Db,
  actor: Actor,
  planId: string,
  right: PlanRight,
  file: PreparedFile,
  link: SubjectLink,
  steps: {
    check?: (tx: Tx, plan: LockedPlan) => Promise<void>;
    then: (tx: Tx, evidence: StoredEvidence, effects: Effects, me: Actor) => Promise<T>;
  },
): Promise<T> {
  const store = currentStore();
  const id = randomUUID();
  const staged = await store.stage(id, file.copies);
  try {
    return await changePlan(db, actor, planId, right, async (tx, plan, effects, me) => {
      await steps.check?.(tx, plan);
      const evidence = await createRow(tx, { id, planId, link, file, storage: store.kind, uploadedById: me.userId });
      await staged.save(tx);
      effects.audit({ action: "evidence.create", entityType: "Evidence", entityId: id, after: evidence });
      return steps.then(tx, evidence, effects, me);
    });
  } catch (error) {
    await staged.discard().catch((failure) => console.error("Discarding an unsaved evidence file failed:", failure));
    throw error;
  }
}

function createRow(
  tx: Tx,
  input: {
    id: string;
    planId: string;
    link: SubjectLink;
    file: PreparedFile;
    storage: "database" | "s3";
    uploadedById: string;
  },
) {
  return tx.evidence.create({
    data: {
      id: input.id,
      planId: input.planId,
      ...input.link,
      fileName: input.file.fileName,
      contentType: input.file.type.contentType,
      sizeBytes: input.file.copies.file.length,
      hasThumbnail: Boolean(input.file.copies.thumbnail),
      storage: input.storage,
      uploadedById: input.uploadedById,
    },
    select: evidenceSelect,
  });
}
