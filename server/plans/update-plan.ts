import type { Db } from "../db/client";
import { changePlan } from "../commands/change-plans";
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
  const { program, unit } = await validatePlanDetails(db, actor, input, planId);

  return changePlan(db, actor, planId, "plan.update", async (tx, _plan, effects, me) => {
    authorize(me, "plan.create", unit);
    const plan = await tx.plan.update({
      where: { id: planId },
      data: { ...input, periodStart: program.periodStart, periodEnd: program.periodEnd, updatedById: me.userId },
      select: detailsSelect,
    });
    const { issuingUnit: _unit, ...before } = current;
    effects.audit({ action: "plan.update", entityType: "Plan", entityId: plan.id, before, after: plan });
    effects.planChanged(planId, "workflow");
    // Moving the plan to another unit changes who may edit its document.
    if (plan.issuingUnitId !== current.issuingUnitId) effects.planAccessChanged(planId);
    return plan;
  });
}
