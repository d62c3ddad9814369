import type { Db } from "../db/client";
import { notFound } from "../errors";
import type { Actor } from "../policies/actor";
import { compactDocument } from "../collab/persistence";
import { runningCollabServer } from "../collab/registry";
import { compareTexts, saveVersion, versionSummarySelect } from "../collab/versions";
import { planForDocument } from "./plan-access";

export async function listVersions(db: Db, actor: Actor, planId: string) {
  await planForDocument(db, actor, planId, "view");
  return db.planDocumentVersion.findMany({ where: { planId }, select: versionSummarySelect, orderBy: { createdAt: "desc" }, take: 200 });
}

/** A version's content, and how the current text differs from it. */
export async function getVersion(db: Db, actor: Actor, versionId: string) {
  const version = await db.planDocumentVersion.findUnique({
    where: { id: versionId },
    select: { ...versionSummarySelect, planId: true, content: true, text: true },
  });
  if (!version) throw notFound();
  await planForDocument(db, actor, version.planId, "view");
  await runningCollabServer()?.flush(version.planId);
  // Compare with what is stored now, not with the last automatic compaction.
  await compactDocument(db, version.planId);
  const current = await db.planDocument.findUnique({ where: { planId: version.planId }, select: { text: true } });
  return { ...version, comparison: compareTexts(version.text, current?.text ?? "") };
}

/** Saves the document as it is now under a name the editor chose. */
export async function saveNamedVersion(db: Db, actor: Actor, planId: string, name: string) {
  await planForDocument(db, actor, planId, "edit");
  await runningCollabServer()?.flush(planId);
  return saveVersion(db, planId, "manual", name, actor.userId);
}
