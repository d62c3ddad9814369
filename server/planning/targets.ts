import type { Db } from "../db/client";
import type { Actor } from "../policies/actor";
import { changePlan, planIdOf } from "../commands/change-plans";
import type { Prisma } from "../db/generated/client";
import { invalidFields } from "../errors";
import type { TMeasurement, TTargetCreate, TTargetFields } from "./schemas";

const targetAudit = (id: string) => ({ entityType: "Target", entityId: id });

/** A target may name a criterion of any set covering the plan's period. */
async function assertCriterionFits(tx: Prisma.TransactionClient, criterionId: string | null, planId: string) {
  if (!criterionId) return;
  const periods = await tx.plan.findUniqueOrThrow({
    where: { id: planId },
    select: { periodStart: true, periodEnd: true },
  });
  const criterion = await tx.criterion.findFirst({
    where: {
      id: criterionId,
      set: { periodStart: { lte: periods.periodEnd }, periodEnd: { gte: periods.periodStart } },
    },
    select: { id: true },
  });
  if (!criterion) throw invalidFields({ criterionId: ["validation.criterionOutOfPeriod"] });
}

export function createTarget(db: Db, actor: Actor, input: TTargetCreate) {
  const { planId, ...fields } = input;
  return changePlan(db, actor, planId, "plan.update", async (tx, plan, effects) => {
    await assertCriterionFits(tx, fields.criterionId, plan.id);
    const target = await tx.target.create({ data: { planId, ...fields } });
    effects.audit({ action: "target.create", ...targetAudit(target.id), after: target });
    return target;
  });
}

export async function updateTarget(db: Db, actor: Actor, id: string, fields: TTargetFields) {
  const planId = await planIdOf(db.target.findUnique({ where: { id }, select: { planId: true } }));
  return changePlan(db, actor, planId, "plan.update", async (tx, plan, effects) => {
    await assertCriterionFits(tx, fields.criterionId, plan.id);
    const before = await tx.target.findUniqueOrThrow({ where: { id } });
    const after = await tx.target.update({ where: { id }, data: fields });
    effects.audit({ action: "target.update", ...targetAudit(id), before, after });
    return after;
  });
}

export async function removeTarget(db: Db, actor: Actor, id: string) {
  const planId = await planIdOf(db.target.findUnique({ where: { id }, select: { planId: true } }));
  return changePlan(db, actor, planId, "plan.update", async (tx, _plan, effects) => {
    const before = await tx.target.delete({ where: { id }, include: { measurements: true } });
    effects.audit({ action: "target.delete", ...targetAudit(id), before });
    return { id };
  });
}

/** Records the value of a period; recording the same period again corrects it. Progress is tracked after approval too. */
export async function recordMeasurement(db: Db, actor: Actor, input: TMeasurement) {
  const planId = await planIdOf(db.target.findUnique({ where: { id: input.targetId }, select: { planId: true } }));
  return changePlan(db, actor, planId, "plan.track", async (tx, _plan, effects) => {
    const key = { targetId_period: { targetId: input.targetId, period: input.period } };
    const before = await tx.targetMeasurement.findUnique({ where: key });
    const data = { value: input.value, source: input.source, recordedById: actor.userId, recordedAt: new Date() };
    const after = await tx.targetMeasurement.upsert({
      where: key,
      create: { targetId: input.targetId, period: input.period, ...data },
      update: data,
    });
    effects.audit({
      action: before ? "measurement.update" : "measurement.create",
      entityType: "TargetMeasurement",
      entityId: after.id,
      before,
      after,
    });
    return after;
  });
}

export async function removeMeasurement(db: Db, actor: Actor, id: string) {
  const planId = await planIdOf(
    db.targetMeasurement
      .findUnique({ where: { id }, select: { target: { select: { planId: true } } } })
      .then((m) => m && m.target),
  );
  return changePlan(db, actor, planId, "plan.track", async (tx, _plan, effects) => {
    const before = await tx.targetMeasurement.delete({ where: { id } });
    effects.audit({ action: "measurement.delete", entityType: "TargetMeasurement", entityId: id, before });
    return { id };
  });
}
