import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Actor } from "../policies/actor";
import { changePlan, planIdOf, type LockedPlan } from "../commands/change-plans";
import { forgetEvidence } from "../evidence/forget-evidence";
import { assertSamePlan, assertUnitInScope, relate } from "./plan-scope";
import type { TShortageFields } from "./schemas";

const audit = (id: string) => ({ entityType: "Shortage", entityId: id });
const withLinks = { milestones: { select: { id: true } }, budgetLines: { select: { id: true } } } as const;

async function checkShortage(tx: Prisma.TransactionClient, plan: LockedPlan, fields: TShortageFields) {
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
  return changePlan(db, actor, planId, "plan.update", async (tx, plan, effects) => {
    await checkShortage(tx, plan, fields);
    const after = await tx.shortage.create({ data: { planId, ...data(fields, "connect") }, include: withLinks });
    effects.audit({ action: "shortage.create", ...audit(after.id), after });
    return after;
  });
}

export async function updateShortage(db: Db, actor: Actor, id: string, fields: TShortageFields) {
  const planId = await planIdOf(db.shortage.findUnique({ where: { id }, select: { planId: true } }));
  return changePlan(db, actor, planId, "plan.update", async (tx, plan, effects) => {
    await checkShortage(tx, plan, fields);
    const before = await tx.shortage.findUniqueOrThrow({ where: { id }, include: withLinks });
    const after = await tx.shortage.update({ where: { id }, data: data(fields, "set"), include: withLinks });
    effects.audit({ action: "shortage.update", ...audit(id), before, after });
    return after;
  });
}

/** Progress: a shortage being worked on or closed, also after the plan's approval. */
export async function setShortageStatus(db: Db, actor: Actor, id: string, status: TShortageFields["status"]) {
  const planId = await planIdOf(db.shortage.findUnique({ where: { id }, select: { planId: true } }));
  return changePlan(db, actor, planId, "plan.track", async (tx, _plan, effects) => {
    const before = await tx.shortage.findUniqueOrThrow({ where: { id }, select: { status: true } });
    const after = await tx.shortage.update({ where: { id }, data: { status } });
    effects.audit({ action: "shortage.status", ...audit(id), before, after: { status } });
    return after;
  });
}

export async function removeShortage(db: Db, actor: Actor, id: string) {
  const planId = await planIdOf(db.shortage.findUnique({ where: { id }, select: { planId: true } }));
  return changePlan(db, actor, planId, "plan.update", async (tx, _plan, effects) => {
    await forgetEvidence(tx, effects, { shortageId: id });
    const before = await tx.shortage.delete({ where: { id }, include: withLinks });
    effects.audit({ action: "shortage.delete", ...audit(id), before });
    return { id };
  });
}
