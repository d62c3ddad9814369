import type { Effects } from "../commands/effects";
import type { Tx } from "../commands/run-command";
import type { Prisma } from "../db/generated/client";
import { storeOf } from "./stores";

/**
 * For a command about to delete evidence rows, or a record they belong to (a milestone, a
 * shortage, a disbursement, a budget line with its disbursements): their bytes go with them,
 * in the same transaction (database) or right after it commits (S3). Call it before the delete.
 */
export async function forgetEvidence(tx: Tx, effects: Effects, where: Prisma.EvidenceWhereInput) {
  const rows = await tx.evidence.findMany({ where, select: { id: true, storage: true } });
  for (const storage of new Set(rows.map((r) => r.storage))) {
    const ids = rows.filter((r) => r.storage === storage).map((r) => r.id);
    await storeOf(storage).remove(tx, effects, ids);
  }
  return rows.map((r) => r.id);
}
