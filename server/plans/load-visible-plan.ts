import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { notFound } from "../errors";
import type { Actor } from "../policies/actor";
import { can } from "../policies";

/** What the policies need of a plan: status, revision, issuing unit, who submitted it and to which unit. */
export const planAccessSelect = {
  id: true,
  status: true,
  revision: true,
  submittedById: true,
  issuingUnit: { select: { path: true, level: true } },
  reviewUnit: { select: { path: true } },
} satisfies Prisma.PlanSelect;

export type PlanAccess = Prisma.PlanGetPayload<{ select: typeof planAccessSelect }>;

export const loadPlanAccess = (db: Pick<Db, "plan">, planId: string): Promise<PlanAccess | null> =>
  db.plan.findUnique({ where: { id: planId }, select: planAccessSelect });

/** The same, for an actor who must be able to see the plan: NOT_FOUND otherwise, so hidden plans stay hidden. */
export async function loadVisiblePlan(db: Pick<Db, "plan">, actor: Actor, planId: string): Promise<PlanAccess> {
  const plan = await loadPlanAccess(db, planId);
  if (!plan || !can(actor, "plan.view", plan)) throw notFound();
  return plan;
}
