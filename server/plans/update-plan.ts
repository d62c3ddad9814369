import type { Db } from "../db/client";
import { recordAuditEvent } from "../audit/record-audit-event";
import { runningCollabServer } from "../collab/registry";
import { notFound } from "../errors";
import type { Actor } from "../policies/actor";
import { authorize, can } from "../policies";
import { type PlanDetailsInput, validatePlanDetails } from "./plan-rules";

const detailsSelect = {
  id: true,
  number: true,
  symbol: true,
  title: true,
  issuingUnitId: true,
  programId: true,
  year: true,
  parentId: true,
  issuedOn: true,
  status: true,
} as const;

/** Edits a plan's details. Only drafts and returned plans can change; moving a plan to another unit needs rights there too. */
export async function updatePlan(db: Db, actor: Actor, planId: string, input: PlanDetailsInput) {
  const current = await db.plan.findUnique({
    where: { id: planId },
    select: { ...detailsSelect, issuingUnit: { select: { path: true, level: true } } },
  });
  if (!current || !can(actor, "plan.view", current)) throw notFound();
  authorize(actor, "plan.update", current);
  const { program } = await validatePlanDetails(db, actor, input, planId);

  const plan = await db.$transaction(async (tx) => {
    // The status condition closes the race with a submission made since the check above.
    const plan = await tx.plan.update({
      where: { id: planId, status: { in: ["draft", "returned"] } },
      data: { ...input, periodStart: program.periodStart, periodEnd: program.periodEnd, updatedById: actor.userId },
      select: detailsSelect,
    });
    const { issuingUnit: _unit, ...before } = current;
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "plan.update",
      entityType: "Plan",
      entityId: plan.id,
      before,
      after: plan,
    });
    return plan;
  });
  // Moving the plan to another unit changes who may edit its document.
  if (plan.issuingUnitId !== current.issuingUnitId) runningCollabServer()?.reauthorize(plan.id);
  return plan;
}
