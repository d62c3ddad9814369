import * as Y from "yjs";
import type { Db } from "../db/client";
import { searchable } from "@/lib/search-text";
import type { JSONContent } from "@tiptap/core";
import { contentOf, plainText } from "./document-content";
import { runningCollabServer } from "./registry";

/**
 * A plan's document is its compacted state plus the updates appended since. Updates are
 * written one row per edit as they arrive (so an edit acknowledged as saved survives a crash a
 * moment later) and compaction folds them into the state from what the database holds, never
 * from memory, so that it is safe with several server instances.
 */

/** Every stored piece of the document: the compacted state first, then the newer updates. */
export async function loadDocumentUpdates(db: Db, planId: string): Promise<Uint8Array[]> {
  // Rows still in the log are exactly those not folded yet (folding deletes them in the same
  // transaction), and applying a Yjs update twice is harmless, so no id filter is needed.
  const [document, updates] = await Promise.all([
    db.planDocument.findUnique({ where: { planId }, select: { state: true } }),
    db.planDocumentUpdate.findMany({ where: { planId }, select: { data: true }, orderBy: { id: "asc" } }),
  ]);
  return [...(document ? [document.state] : []), ...updates.map((u) => u.data)];
}

/** Builds the stored document in memory. */
export async function loadDocument(db: Db, planId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of await loadDocumentUpdates(db, planId)) Y.applyUpdate(doc, update);
  return doc;
}

export async function appendUpdate(db: Db, planId: string, update: Uint8Array, userId: string | null): Promise<void> {
  await db.planDocumentUpdate.create({ data: { planId, data: Buffer.from(update), userId } });
}

/**
 * Folds every update written so far into the compacted state, refreshes the derived JSON and
 * text, and deletes the folded rows, in one transaction. Concurrent compactions of the same
 * plan are serialised by a row lock on the plan.
 */
export async function compactDocument(db: Db, planId: string): Promise<{ sizeBytes: number; folded: number }> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Plan" WHERE id = ${planId} FOR UPDATE`;
    const current = await tx.planDocument.findUnique({ where: { planId }, select: { state: true } });
    const updates = await tx.planDocumentUpdate.findMany({
      where: { planId },
      select: { id: true, data: true },
      orderBy: { id: "asc" },
    });
    if (current && updates.length === 0) return { sizeBytes: current.state.length, folded: 0 };

    const state = Y.mergeUpdates([...(current ? [current.state] : []), ...updates.map((u) => u.data)]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const content = contentOf(doc);
    const text = plainText(content);
    const data = { state: Buffer.from(state), content: content as object, text, searchText: searchable(text), sizeBytes: state.length };
    await tx.planDocument.upsert({ where: { planId }, create: { planId, ...data }, update: data });
    // Only the rows folded here: a row with a lower id may commit after the read above.
    await tx.planDocumentUpdate.deleteMany({ where: { id: { in: updates.map((u) => u.id) } } });
    doc.destroy();
    return { sizeBytes: state.length, folded: updates.length };
  }, { maxWait: 15_000, timeout: 60_000 });
}

/**
 * The document's content as it stands now: edits the collaboration server still holds are
 * flushed to the log, then the compacted state and the log rows not folded yet are applied,
 * writing nothing. PlanDocument.content alone may lag by the edits since the last compaction.
 */
export async function currentContent(db: Db, planId: string): Promise<JSONContent> {
  await runningCollabServer()?.flush(planId);
  const doc = await loadDocument(db, planId);
  try {
    return contentOf(doc);
  } finally {
    doc.destroy();
  }
}
