import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { invalidFields } from "../errors";
import type { Actor } from "../policies/actor";
import { changePlan, planIdOf } from "../commands/change-plans";
import { forgetEvidence } from "../evidence/forget-evidence";
import { exceedsAllocation, lockAllocations } from "./allocation";
import { assertSamePlan } from "./plan-scope";
import type { TBudgetLineFields, TDisbursement, TInKind } from "./schemas";

const lineAudit = (id: string) => ({ entityType: "BudgetLine", entityId: id });

async function checkMilestone(tx: Prisma.TransactionClient, planId: string, milestoneId: string | null) {
  if (milestoneId) await assertSamePlan(tx.milestone.count({ where: { id: milestoneId, planId } }), 1, "milestoneId");
}

/** An allocation of one capital source for one year, to the plan or one of its milestones. */
export function createBudgetLine(db: Db, actor: Actor, { planId, ...fields }: TBudgetLineFields & { planId: string }) {
  return changePlan(db, actor, planId, "plan.update", async (tx, _plan, effects) => {
    await checkMilestone(tx, planId, fields.milestoneId);
    const after = await tx.budgetLine.create({ data: { planId, ...fields } });
    effects.audit({ action: "budget.create", ...lineAudit(after.id), after });
    return after;
  });
}

/** An allocation cannot shrink below what has already been paid out of it. */
export async function updateBudgetLine(db: Db, actor: Actor, id: string, fields: TBudgetLineFields) {
  const planId = await planIdOf(db.budgetLine.findUnique({ where: { id }, select: { planId: true } }));
  return changePlan(db, actor, planId, "plan.update", async (tx, _plan, effects) => {
    const { paid } = (await lockAllocations(tx, [id])).get(id)!;
    await checkMilestone(tx, planId, fields.milestoneId);
    if (exceedsAllocation({ allocated: fields.amount, paid }, 0n))
      throw invalidFields({ amount: ["validation.belowDisbursed"] });
    const before = await tx.budgetLine.findUniqueOrThrow({ where: { id } });
    const after = await tx.budgetLine.update({ where: { id }, data: fields });
    effects.audit({ action: "budget.update", ...lineAudit(id), before, after });
    return after;
  });
}

export async function removeBudgetLine(db: Db, actor: Actor, id: string) {
  const planId = await planIdOf(db.budgetLine.findUnique({ where: { id }, select: { planId: true } }));
  return changePlan(db, actor, planId, "plan.update", async (tx, _plan, effects) => {
    await forgetEvidence(tx, effects, { disbursement: { budgetLineId: id } });
    const before = await tx.budgetLine.delete({ where: { id }, include: { disbursements: true } });
    effects.audit({ action: "budget.delete", ...lineAudit(id), before });
    return { id };
  });
}

/** A payment out of an allocation, checked against it under the line's lock (see lockAllocations). */
export async function addDisbursement(db: Db, actor: Actor, input: TDisbursement) {
  const planId = await planIdOf(
    db.budgetLine.findUnique({ where: { id: input.budgetLineId }, select: { planId: true } }),
  );
  return changePlan(db, actor, planId, "plan.track", async (tx, _plan, effects) => {
    const line = (await lockAllocations(tx, [input.budgetLineId])).get(input.budgetLineId)!;
    if (exceedsAllocation(line, input.amount)) throw invalidFields({ amount: ["validation.overDisbursed"] });
    const after = await tx.disbursement.create({ data: input });
    effects.audit({ action: "disbursement.create", entityType: "Disbursement", entityId: after.id, after });
    return after;
  });
}

export async function removeDisbursement(db: Db, actor: Actor, id: string) {
  const planId = await planIdOf(
    db.disbursement
      .findUnique({ where: { id }, select: { budgetLine: { select: { planId: true } } } })
      .then((d) => d && d.budgetLine),
  );
  return changePlan(db, actor, planId, "plan.track", async (tx, _plan, effects) => {
    await forgetEvidence(tx, effects, { disbursementId: id });
    const before = await tx.disbursement.delete({ where: { id } });
    effects.audit({ action: "disbursement.delete", entityType: "Disbursement", entityId: id, before });
    return { id };
  });
}

/** People's contributions in land (m²) or working days, recorded as they are given. */
export function addInKind(db: Db, actor: Actor, { planId, ...fields }: TInKind) {
  return changePlan(db, actor, planId, "plan.track", async (tx, _plan, effects) => {
    await checkMilestone(tx, planId, fields.milestoneId);
    const after = await tx.inKindContribution.create({ data: { planId, ...fields } });
    effects.audit({ action: "inKind.create", entityType: "InKindContribution", entityId: after.id, after });
    return after;
  });
}

export async function removeInKind(db: Db, actor: Actor, id: string) {
  const planId = await planIdOf(db.inKindContribution.findUnique({ where: { id }, select: { planId: true } }));
  return changePlan(db, actor, planId, "plan.track", async (tx, _plan, effects) => {
    const before = await tx.inKindContribution.delete({ where: { id } });
    effects.audit({ action: "inKind.delete", entityType: "InKindContribution", entityId: id, before });
    return { id };
  });
}
