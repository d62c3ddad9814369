import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { invalidFields } from "../errors";
import type { Actor } from "../policies/actor";
import { changePlanData, planIdOf } from "./change-plan-data";
import { sumBigInt } from "./figures";
import { assertSamePlan } from "./plan-scope";
import type { TBudgetLineFields, TDisbursement, TInKind } from "./schemas";

const lineAudit = (id: string) => ({ entityType: "BudgetLine", entityId: id });

async function checkMilestone(tx: Prisma.TransactionClient, planId: string, milestoneId: string | null) {
  if (milestoneId) await assertSamePlan(tx.milestone.count({ where: { id: milestoneId, planId } }), 1, "milestoneId");
}

/** Locks the line until the transaction ends, so that its payments and its allocation change one at a time. */
const lockLine = (tx: Prisma.TransactionClient, id: string) =>
  tx.$queryRaw`SELECT id FROM "BudgetLine" WHERE id = ${id} FOR UPDATE`;

const disbursedOn = async (tx: Prisma.TransactionClient, budgetLineId: string) =>
  sumBigInt(
    (await tx.disbursement.findMany({ where: { budgetLineId }, select: { amount: true } })).map((d) => d.amount),
  );

/** An allocation of one capital source for one year, to the plan or one of its milestones. */
export function createBudgetLine(db: Db, actor: Actor, { planId, ...fields }: TBudgetLineFields & { planId: string }) {
  return changePlanData(db, actor, planId, "plan.update", async (tx) => {
    await checkMilestone(tx, planId, fields.milestoneId);
    const after = await tx.budgetLine.create({ data: { planId, ...fields } });
    return { result: after, audit: { action: "budget.create", ...lineAudit(after.id), after } };
  });
}

/** An allocation cannot shrink below what has already been paid out of it. */
export async function updateBudgetLine(db: Db, actor: Actor, id: string, fields: TBudgetLineFields) {
  const planId = await planIdOf(db.budgetLine.findUnique({ where: { id }, select: { planId: true } }));
  return changePlanData(db, actor, planId, "plan.update", async (tx) => {
    await lockLine(tx, id);
    await checkMilestone(tx, planId, fields.milestoneId);
    if (fields.amount < (await disbursedOn(tx, id))) throw invalidFields({ amount: ["validation.belowDisbursed"] });
    const before = await tx.budgetLine.findUniqueOrThrow({ where: { id } });
    const after = await tx.budgetLine.update({ where: { id }, data: fields });
    return { result: after, audit: { action: "budget.update", ...lineAudit(id), before, after } };
  });
}

export async function removeBudgetLine(db: Db, actor: Actor, id: string) {
  const planId = await planIdOf(db.budgetLine.findUnique({ where: { id }, select: { planId: true } }));
  return changePlanData(db, actor, planId, "plan.update", async (tx) => {
    const before = await tx.budgetLine.delete({ where: { id }, include: { disbursements: true } });
    return { result: { id }, audit: { action: "budget.delete", ...lineAudit(id), before } };
  });
}

/**
 * A payment out of an allocation. The line is locked while the total is checked, so two
 * payments (or a payment and a smaller allocation) cannot together pay out more than was allocated.
 */
export async function addDisbursement(db: Db, actor: Actor, input: TDisbursement) {
  const planId = await planIdOf(
    db.budgetLine.findUnique({ where: { id: input.budgetLineId }, select: { planId: true } }),
  );
  return changePlanData(db, actor, planId, "plan.track", async (tx) => {
    await lockLine(tx, input.budgetLineId);
    const line = await tx.budgetLine.findUniqueOrThrow({ where: { id: input.budgetLineId }, select: { amount: true } });
    if ((await disbursedOn(tx, input.budgetLineId)) + input.amount > line.amount)
      throw invalidFields({ amount: ["validation.overDisbursed"] });
    const after = await tx.disbursement.create({ data: input });
    return {
      result: after,
      audit: { action: "disbursement.create", entityType: "Disbursement", entityId: after.id, after },
    };
  });
}

export async function removeDisbursement(db: Db, actor: Actor, id: string) {
  const planId = await planIdOf(
    db.disbursement
      .findUnique({ where: { id }, select: { budgetLine: { select: { planId: true } } } })
      .then((d) => d && d.budgetLine),
  );
  return changePlanData(db, actor, planId, "plan.track", async (tx) => {
    const before = await tx.disbursement.delete({ where: { id } });
    return {
      result: { id },
      audit: { action: "disbursement.delete", entityType: "Disbursement", entityId: id, before },
    };
  });
}

/** People's contributions in land (m²) or working days, recorded as they are given. */
export function addInKind(db: Db, actor: Actor, { planId, ...fields }: TInKind) {
  return changePlanData(db, actor, planId, "plan.track", async (tx) => {
    await checkMilestone(tx, planId, fields.milestoneId);
    const after = await tx.inKindContribution.create({ data: { planId, ...fields } });
    return {
      result: after,
      audit: { action: "inKind.create", entityType: "InKindContribution", entityId: after.id, after },
    };
  });
}

export async function removeInKind(db: Db, actor: Actor, id: string) {
  const planId = await planIdOf(db.inKindContribution.findUnique({ where: { id }, select: { planId: true } }));
  return changePlanData(db, actor, planId, "plan.track", async (tx) => {
    const before = await tx.inKindContribution.delete({ where: { id } });
    return {
      result: { id },
      audit: { action: "inKind.delete", entityType: "InKindContribution", entityId: id, before },
    };
  });
}
