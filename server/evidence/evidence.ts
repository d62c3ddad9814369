import type { Db } from "../db/client";
import { changePlan, planIdOf } from "../commands/change-plans";
import { DomainError, notFound } from "../errors";
import { authorize, can } from "../policies";
import type { Actor } from "../policies/actor";
import { loadVisiblePlan } from "../plans/load-visible-plan";
import type { ExportFile } from "../exports/export-file";
import { evidenceSelect } from "./evidence-select";
import { forgetEvidence } from "./forget-evidence";
import { type IncomingFile, prepareFile } from "./prepare-file";
import type { Variant } from "./storage";
import { storeOf } from "./stores";
import { storeEvidence } from "./store-evidence";
import { type EvidenceSubject, resolveSubject } from "./subjects";

/**
 * Attaches a file to a plan or to one of its milestones, shortages or disbursements. A record
 * the actor cannot see is NOT_FOUND (before the file is looked at); one they see but may not
 * track is FORBIDDEN; a file that is empty, too large or of a type not allowed by its content
 * is a field error of `file`. The write is one audited command.
 */
export async function attachEvidence(db: Db, actor: Actor, subject: EvidenceSubject, file: IncomingFile) {
  const { planId, link } = await resolveSubject(db, subject);
  authorize(actor, "evidence.manage", await loadVisiblePlan(db, actor, planId));
  const prepared = await prepareFile(file);
  return storeEvidence(db, actor, planId, "evidence.manage", prepared, link, {
    // The record may have been deleted meanwhile: then there is nothing to attach to.
    check: async (tx) => {
      if ((await resolveSubject(tx, subject)).planId !== planId) throw notFound();
    },
    then: async (_tx, evidence, effects) => {
      effects.planChanged(planId, "planning");
      return evidence;
    },
  });
}

/** The plan's evidence, newest first, and whether the actor may attach and delete. */
export async function listEvidence(db: Db, actor: Actor, planId: string) {
  const plan = await loadVisiblePlan(db, actor, planId);
  const items = await db.evidence.findMany({
    where: { planId },
    select: { ...evidenceSelect, signedCopyOf: { select: { id: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return {
    canManage: can(actor, "evidence.manage", plan),
    items: items.map(({ signedCopyOf, ...item }) => ({ ...item, signedCopy: Boolean(signedCopyOf) })),
  };
}

/** Deletes a file and its bytes; the signed copy of an issued plan stays (CONFLICT). */
export async function removeEvidence(db: Db, actor: Actor, id: string) {
  const planId = await planIdOf(db.evidence.findUnique({ where: { id }, select: { planId: true } }));
  return changePlan(db, actor, planId, "evidence.manage", async (tx, _plan, effects) => {
    const before = await tx.evidence.findUnique({
      where: { id },
      select: { ...evidenceSelect, signedCopyOf: { select: { id: true } } },
    });
    if (!before) throw notFound();
    if (before.signedCopyOf) throw new DomainError("CONFLICT", "errors.signedCopyKept");
    await forgetEvidence(tx, effects, { id });
    await tx.evidence.delete({ where: { id } });
    effects.audit({ action: "evidence.delete", entityType: "Evidence", entityId: id, before });
    effects.planChanged(planId, "planning");
    return { id };
  });
}

/**
 * A file (or an image's thumbnail) for whoever may see its plan. Evidence that does not exist,
 * whose record was deleted with it, or whose plan the actor may not see, is NOT_FOUND alike.
 */
export async function readEvidence(db: Db, actor: Actor, id: string, variant: Variant): Promise<ExportFile> {
  const row = await db.evidence.findUnique({
    where: { id },
    select: {
      fileName: true,
      contentType: true,
      storage: true,
      hasThumbnail: true,
      plan: { select: { status: true, issuingUnit: { select: { path: true, level: true } } } },
    },
  });
  if (!row || !can(actor, "plan.view", row.plan)) throw notFound();
  if (variant === "thumbnail" && !row.hasThumbnail) throw notFound();
  const data = await storeOf(row.storage).read(db, id, variant);
  if (!data) throw notFound();
  return variant === "thumbnail"
    ? { data, contentType: "image/webp", filename: `${row.fileName.replace(/\.[^.]*$/, "")}-nho.webp` }
    : { data, contentType: row.contentType, filename: row.fileName };
}
