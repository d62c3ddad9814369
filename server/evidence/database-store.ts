import type { Db } from "../db/client";
import type { EvidenceStore, FileCopies } from "./storage";

/**
 * Evidence bytes in the database, one EvidenceBlob row per copy, apart from the evidence row
 * so that lists never read them. They are written in the command's transaction, and deleted in
 * it too: the blob's foreign key cascades from its evidence row, whichever record's deletion
 * took that row with it.
 */
export const databaseStore: EvidenceStore = {
  kind: "database",
  async stage(evidenceId: string, copies: FileCopies) {
    const rows = Object.entries(copies)
      .filter(([, data]) => data)
      .map(([variant, data]) => ({ evidenceId, variant, data: new Uint8Array(data!) }));
    return {
      save: async (tx) => void (await tx.evidenceBlob.createMany({ data: rows })),
      discard: async () => {},
    };
  },
  async read(db: Db, evidenceId, variant) {
    const blob = await db.evidenceBlob.findUnique({
      where: { evidenceId_variant: { evidenceId, variant } },
      select: { data: true },
    });
    return blob ? Buffer.from(blob.data) : null;
  },
  async remove(tx, _effects, evidenceIds) {
    // The cascade would do it with the rows; saying it here keeps the rule visible and covers rows kept.
    await tx.evidenceBlob.deleteMany({ where: { evidenceId: { in: evidenceIds } } });
  },
};
