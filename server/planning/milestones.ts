import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Actor } from "../policies/actor";
import { changePlan, planIdOf, type LockedPlan } from "../commands/change-plans";
import { forgetEvidence } from "../evidence/forget-evidence";
import { assertSamePlan, assertUnitInScope, relate } from "./plan-scope";
import type { TMilestoneFields } from "./schemas";

const audit = (id: string) => ({ entityType: "Milestone", entityId: id });
const withLinks = { targets: { select: { id: true } }, shortages: { select: { id: true } } } as const;

/** The owner is a unit within the plan's reach; linked targets and shortages are the plan's own. */
async function checkMilestone(tx: Prisma.TransactionClient, plan: LockedPlan, fields: TMilestoneFields) {
  await assertUnitInScope(tx, fields.ownerUnitId, plan.issuingUnit, "ownerUnitId");
  await assertSamePlan(
    tx.target.count({ where: { id: { in: fields.targetIds }, planId: plan.id } }),
    new Set(fields.targetIds).size,
    "targetIds",
  );
  await assertSamePlan(
    tx.shortage.count({ where: { id: { in: fields.shortageIds }, planId: plan.id } }),
    new Set(fields.shortageIds).size,
    "shortageIds",
  );
}

const data = ({ targetIds, shortageIds, ...fields }: TMilestoneFields, mode: "connect" | "set") => ({
  ...fields,
  targets: relate(targetIds, mode),
  shortages: relate(shortageIds, mode),
});

export function createMilestone(db: Db, actor: Actor, { planId, ...fields }: TMilestoneFields & { planId: string }) {
  return changePlan(db, actor, planId, "plan.update", async (tx, plan, effects) => {
    await checkMilestone(tx, plan, fields);
    const after = await tx.milestone.create({ data: { planId, ...data(fields, "connect") }, include: withLinks });
    effects.audit({ action: "milestone.create", ...audit(after.id), after });
    return after;
  });
}

export async function updateMilestone(db: Db, actor: Actor, id: string, fields: TMilestoneFields) {
  const planId = await planIdOf(db.milestone.findUnique({ where: { id }, select: { planId: true } }));
  return changePlan(db, actor, planId, "plan.update", async (tx, plan, effects) => {
    await checkMilestone(tx, plan, fields);
    const before = await tx.milestone.findUniqueOrThrow({ where: { id }, include: withLinks });
    // A new due date deserves a new reminder if it passes too.
    const reminder = before.dueOn.getTime() === fields.dueOn.getTime() ? {} : { overdueNotifiedAt: null };
    const after = await tx.milestone.update({
      where: { id },
      data: { ...data(fields, "set"), ...reminder },
      include: withLinks,
    });
    effects.audit({ action: "milestone.update", ...audit(id), before, after });
    return after;
  });
}

/** Progress on an approved plan: the owners mark a milestone started, done or cancelled. */
export async function setMilestoneStatus(db: Db, actor: Actor, id: string, status: TMilestoneFields["status"]) {
  const planId = await planIdOf(db.milestone.findUnique({ where: { id }, select: { planId: true } }));
  return changePlan(db, actor, planId, "plan.track", async (tx, _plan, effects) => {
    const before = await tx.milestone.findUniqueOrThrow({ where: { id }, select: { status: true } });
    const after = await tx.milestone.update({ where: { id }, data: { status } });
    effects.audit({ action: "milestone.status", ...audit(id), before, after: { status } });
    return after;
  });
}

export async function removeMilestone(db: Db, actor: Actor, id: string) {
  const planId = await planIdOf(db.milestone.findUnique({ where: { id }, select: { planId: true } }));
  return changePlan(db, actor, planId, "plan.update", async (tx, _plan, effects) => {
    await forgetEvidence(tx, effects, { milestoneId: id });
    const before = await tx.milestone.delete({ where: { id }, include: withLinks });
    effects.audit({ action: "milestone.delete", ...audit(id), before });
    return { id };
  });
}
