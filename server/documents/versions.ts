import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import type { Actor } from "../policies/actor";
import { plainText } from "../collab/document-content";
import { currentContent } from "../collab/persistence";
import { runningCollabServer } from "../collab/registry";
import { compareTexts, saveVersion, versionSummarySelect } from "../collab/versions";
import { authorize } from "../policies";
import { loadVisiblePlan } from "../plans/load-visible-plan";

export async function listVersions(db: Db, actor: Actor, planId: string) {
  await loadVisiblePlan(db, actor, planId);
  return db.planDocumentVersion.findMany({
    where: { planId },
    select: versionSummarySelect,
    orderBy: { createdAt: "desc" },
    take: 200,
  });
}

/** A version's content, and how the current text differs from it. */
export async function getVersion(db: Db, actor: Actor, versionId: string) {
  const version = await db.planDocumentVersion.findUnique({
    where: { id: versionId },
    select: { ...versionSummarySelect, planId: true, content: true, text: true },
  });
  if (!version) throw notFound();
  await loadVisiblePlan(db, actor, version.planId);
  const currentText = plainText(await currentContent(db, version.planId));
  return { ...version, comparison: compareTexts(version.text, currentText) };
}

/** Saves the document as it is now under a name the editor chose. */
export async function saveNamedVersion(db: Db, actor: Actor, planId: string, name: string) {
  authorize(actor, "plan.update", await loadVisiblePlan(db, actor, planId));
  await runningCollabServer()?.flush(planId);
  const version = await saveVersion(db, planId, "manual", name, actor.userId);
  await recordAuditEvent(db, {
    actorId: actor.userId,
    action: "document.saveVersion",
    entityType: "DocumentVersion",
    entityId: version.id,
    after: { planId, name },
  });
  return version;
}
