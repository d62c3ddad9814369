import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { flushLocalEdits } from "../collab/local-instance";
import { keepPassages } from "../comments/passage-anchors";
import { runAs } from "../commands/run-command";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/actor";
import { loadVisiblePlan } from "../plans/load-visible-plan";
import { replaceContent } from "./content";
import { appendUpdates, readStoredDocument } from "./storage";
import { saveVersion } from "./versions";

/**
 * Restores a version as a new change on top of the stored document, so nothing is lost: the
 * text before the restore is kept as a version too. The change is appended to the document's
 * log in the command's transaction; once committed, every collaboration server holding the
 * document takes it in and tells its editors who restored which version (see Effects), the
 * same whether the restore came from a browser or the command line.
 */
export async function restoreVersion(db: Db, actor: Actor, versionId: string) {
  const version = await db.planDocumentVersion.findUnique({
    where: { id: versionId },
    select: { id: true, planId: true, content: true },
  });
  if (!version) throw notFound();
  const { planId } = version;
  authorize(actor, "plan.update", await loadVisiblePlan(db, actor, planId));
  await flushLocalEdits(planId);
  return runAs(db, actor, async (tx, effects, me) => {
    authorize(me, "plan.update", await loadVisiblePlan(tx, me, planId));
    // Edits stored meanwhile are serialised behind this lock, as compaction is.
    await tx.$queryRaw`SELECT 1 FROM "Plan" WHERE id = ${planId} FOR UPDATE`;
    await saveVersion(tx, planId, { kind: "auto" });
    const doc = new Y.Doc();
    const { state } = await readStoredDocument(tx, planId);
    if (state.length) Y.applyUpdate(doc, state);
    const updates: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => updates.push(update));
    // Comments on passages are anchored again in the restored text.
    await keepPassages(tx, effects, planId, doc, () => replaceContent(doc, version.content as JSONContent));
    doc.destroy();
    await appendUpdates(tx, [{ planId, update: Y.mergeUpdates(updates), userId: me.userId }]);
    const restored = await saveVersion(tx, planId, { kind: "restore", createdById: me.userId });
    effects.audit({ action: "document.restore", entityType: "Plan", entityId: planId, after: { versionId } });
    effects.documentReplaced(planId, version.id, me.name);
    return restored;
  });
}
