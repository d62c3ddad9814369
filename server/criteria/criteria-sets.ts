import type { Db } from "../db/client";
import { runAs } from "../commands/run-command";
import { notFound } from "../errors";
import { authorize, can } from "../policies";
import type { Actor } from "../policies/actor";
import type { TCriterionAdd, TCriterionUpdate } from "./schemas";

const criterionSelect = { id: true, number: true, name: true, nameEn: true, indicatorCount: true } as const;

/** The national sets with their criteria; every signed-in user reads them, admins may complete them. */
export async function listCriteriaSets(db: Db, actor: Actor) {
  const sets = await db.criteriaSet.findMany({
    orderBy: [{ periodStart: "desc" }, { unitLevel: "asc" }],
    include: { criteria: { select: criterionSelect, orderBy: { number: "asc" } } },
  });
  return { canManage: can(actor, "criteria.manage", null), sets };
}

/** Admins complete a set as the decision's text gives it: names in both languages and indicator counts. */
export async function updateCriterion(db: Db, actor: Actor, { id, ...fields }: TCriterionUpdate) {
  authorize(actor, "criteria.manage", null);
  const before = await db.criterion.findUnique({ where: { id }, select: criterionSelect });
  if (!before) throw notFound();
  return runAs(db, actor, async (tx, effects, me) => {
    authorize(me, "criteria.manage", null);
    const after = await tx.criterion.update({ where: { id }, data: fields, select: criterionSelect });
    effects.audit({
      action: "criterion.update",
      entityType: "Criterion",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** Adds the next-numbered criterion to a set. */
export async function addCriterion(db: Db, actor: Actor, { setId, ...fields }: TCriterionAdd) {
  authorize(actor, "criteria.manage", null);
  if (!(await db.criteriaSet.findUnique({ where: { id: setId }, select: { id: true } }))) throw notFound();
  return runAs(db, actor, async (tx, effects, me) => {
    authorize(me, "criteria.manage", null);
    const last = await tx.criterion.findFirst({
      where: { setId },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    const after = await tx.criterion.create({
      data: { setId, number: (last?.number ?? 0) + 1, ...fields },
      select: criterionSelect,
    });
    effects.audit({
      action: "criterion.create",
      entityType: "Criterion",
      entityId: after.id,
      after: { setId, ...after },
    });
    return after;
  });
}
