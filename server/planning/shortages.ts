import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Actor } from "../policies/actor";
import { changePlanData, planIdOf, type PlanForChange } from "./change-plan-data";
import { assertSamePlan, assertUnitInScope, relate } from "./plan-scope";
import type { TShortageFields } from "./schemas";

const audit = (id: string) => ({ entityType: "Shortage", entityId: id });
const withLinks = { milestones: { select: { id: true } }, budgetLines: { select: { id: true } } } as const;

async function checkShortage(tx: Prisma.TransactionClient, plan: PlanForChange, fields: TShortageFields) {
  await assertUnitInScope(tx, fields.unitId, plan.issuingUnit, "unitId");
  await assertSamePlan(
    tx.milestone.count({ where: { id: { in: fields.milestoneIds }, planId: plan.id } }),
    new Set(fields.milestoneIds).size,
    "milestoneIds",
  );
  await assertSamePlan(
    tx.budgetLine.count({ where: { id: { in: fields.budgetLineIds }, planId: plan.id } }),
    new Set(fields.budgetLineIds).size,
    "budgetLineIds",
  );
}

const data = ({ milestoneIds, budgetLineIds, ...fields }: TShortageFields, mode: "connect" | "set") => ({
  ...fields,
  milestones: relate(milestoneIds, mode),
  budgetLines: relate(budgetLineIds, mode),
});

/** What a commune or school lacks, counted, with the milestones and money meant to close it. */
export function createShortage(db: Db, actor: Actor, { planId, ...fields }: TShortageFields & { planId: string }) {
  return changePlanData(db, actor, planId, "plan.update", async (tx, plan) => {
    await checkShortage(tx, plan, fields);
    const after = await tx.shortage.create({ data: { planId, ...data(fields, "connect") }, include: withLinks });
    return { result: after, audit: { action: "shortage.create", ...audit(after.id), after } };
  });
}

export async function updateShortage(db: Db, actor: Actor, id: string, fields: TShortageFields) {
  const planId = await planIdOf(db.shortage.findUnique({ where: { id }, select: { planId: true } }));
  return changePlanData(db, actor, planId, "plan.update", async (tx, plan) => {
    await checkShortage(tx, plan, fields);
    const before = await tx.shortage.findUniqueOrThrow({ where: { id }, include: withLinks });
    const after = await tx.shortage.update({ where: { id }, data: data(fields, "set"), include: withLinks });
    return { result: after, audit: { action: "shortage.update", ...audit(id), before, after } };
  });
}

/** Progress: a shortage being worked on or closed, also after the plan's approval. */
export async function setShortageStatus(db: Db, actor: Actor, id: string, status: TShortageFields["status"]) {
  const planId = await planIdOf(db.shortage.findUnique({ where: { id }, select: { planId: true } }));
  return changePlanData(db, actor, planId, "plan.track", async (tx) => {
    const before = await tx.shortage.findUniqueOrThrow({ where: { id }, select: { status: true } });
    const after = await tx.shortage.update({ where: { id }, data: { status } });
    return { result: after, audit: { action: "shortage.status", ...audit(id), before, after: { status } } };
  });
}

export async function removeShortage(db: Db, actor: Actor, id: string) {
  const planId = await planIdOf(db.shortage.findUnique({ where: { id }, select: { planId: true } }));
  return changePlanData(db, actor, planId, "plan.update", async (tx) => {
    const before = await tx.shortage.delete({ where: { id }, include: withLinks });
    return { result: { id }, audit: { action: "shortage.delete", ...audit(id), before } };
  });
}
