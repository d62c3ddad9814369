import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import type { Actor } from "../policies/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { replaceContent } from "../collab/document-content";
import { appendUpdate, loadDocument } from "../collab/persistence";
import { runningCollabServer } from "../collab/registry";
import { saveVersion } from "../collab/versions";
import { authorize } from "../policies";
import { loadVisiblePlan } from "../plans/load-visible-plan";

/**
 * Restores a version as a new change on top of the current document, so nothing is lost and
 * everyone editing sees it at once. The text before the restore is kept as a version too.
 */
export async function restoreVersion(db: Db, actor: Actor, versionId: string) {
  const version = await db.planDocumentVersion.findUnique({
    where: { id: versionId },
    select: { id: true, planId: true, content: true, createdAt: true },
  });
  if (!version) throw notFound();
  authorize(actor, "plan.update", await loadVisiblePlan(db, actor, version.planId));
  const collab = runningCollabServer();
  await collab?.flush(version.planId);
  await saveVersion(db, version.planId, "auto", null, null);

  const content = version.content as JSONContent;
  if (collab) {
    await collab.replaceContent(version.planId, content, actor.userId, {
      type: "restored",
      versionId: version.id,
      by: actor.name,
    });
  } else {
    // No editor can be connected without the collaboration server: change the stored document.
    const doc = await loadDocument(db, version.planId);
    const updates: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => updates.push(update));
    replaceContent(doc, content);
    await appendUpdate(db, version.planId, Y.mergeUpdates(updates), actor.userId);
    doc.destroy();
  }
  const restored = await saveVersion(db, version.planId, "restore", null, actor.userId);
  await recordAuditEvent(db, {
    actorId: actor.userId,
    action: "document.restore",
    entityType: "Plan",
    entityId: version.planId,
    after: { versionId: version.id },
  });
  return restored;
}
