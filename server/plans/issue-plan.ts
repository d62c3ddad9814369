import type { Db } from "../db/client";
import { DomainError, type FieldErrors, invalidFields } from "../errors";
import { IN_FORCE_STATUS } from "../approvals/workflow";
import { type IncomingFile, prepareFile } from "../evidence/prepare-file";
import { storeEvidence } from "../evidence/store-evidence";
import { todayInVietnam } from "../planning/figures";
import { authorize } from "../policies";
import type { Actor } from "../policies/actor";
import { loadVisiblePlan } from "./load-visible-plan";

export interface PlanIssueInput {
  number: string;
  symbol: string;
  issuedOn: Date;
}

/**
 * Issues an approved plan: the records officer enters its official number and date (the
 * draft's may not have been final) and attaches the scan of the signed copy, a PDF by content.
 * "Issued" is a fact on the approved plan, not a status: it stays approved, in force for
 * roll-ups and for the units beneath, and its exports carry the number and date. Refused,
 * changing nothing: a hidden plan (NOT_FOUND), a plan not approved or already issued
 * (CONFLICT), a user who may not issue it (FORBIDDEN), a number the unit's other plans use, a
 * date after today, a scan that is not a PDF (field errors).
 */
export async function issuePlan(db: Db, actor: Actor, planId: string, input: PlanIssueInput, scan: IncomingFile) {
  const plan = await loadVisiblePlan(db, actor, planId);
  if (plan.status !== IN_FORCE_STATUS) throw new DomainError("CONFLICT", "errors.issueNotApproved");
  authorize(actor, "plan.issue", plan);
  const issued = await db.plan.findUnique({ where: { id: planId }, select: { issuedAt: true } });
  if (issued?.issuedAt) throw new DomainError("CONFLICT", "errors.alreadyIssued");
  const errors: FieldErrors = {};
  if (input.issuedOn > todayInVietnam()) errors.issuedOn = ["validation.issuedInFuture"];
  const clash = await db.plan.findFirst({
    where: {
      issuingUnit: { path: plan.issuingUnit.path },
      number: input.number,
      symbol: input.symbol,
      id: { not: planId },
    },
    select: { id: true },
  });
  if (clash) errors.reference = ["validation.referenceTaken"];
  const file = await prepareFile(scan, "file", true).catch((error: unknown) => {
    if (error instanceof DomainError && error.fieldErrors) Object.assign(errors, error.fieldErrors);
    else throw error;
    return null;
  });
  if (Object.keys(errors).length || !file) throw invalidFields(errors);

  return storeEvidence(
    db,
    actor,
    planId,
    "plan.issue",
    file,
    {},
    {
      then: async (tx, evidence, effects, me) => {
        const before = await tx.plan.findUniqueOrThrow({
          where: { id: planId },
          select: { number: true, symbol: true, issuedOn: true, issuedAt: true, status: true },
        });
        if (before.issuedAt) throw new DomainError("CONFLICT", "errors.alreadyIssued");
        const after = await tx.plan.update({
          where: { id: planId },
          data: {
            ...input,
            issuedAt: new Date(),
            issuedById: me.userId,
            signedCopyId: evidence.id,
            updatedById: me.userId,
          },
          select: { number: true, symbol: true, issuedOn: true, issuedAt: true, signedCopyId: true },
        });
        effects.audit({ action: "plan.issue", entityType: "Plan", entityId: planId, before, after });
        effects.planChanged(planId, "workflow");
        return after;
      },
    },
  );
}
