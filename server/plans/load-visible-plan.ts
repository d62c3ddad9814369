import type { Db } from "../db/client";
import { notFound } from "../errors";
import type { Actor } from "../policies/actor";
import { can } from "../policies";

/** A plan with what the policies need: status, revision, issuing unit and who last submitted it. */
export async function loadPlanAccess(db: Db, planId: string) {
  const plan = await db.plan.findUnique({
    where: { id: planId },
    select: {
      id: true,
      status: true,
      revision: true,
      issuingUnit: { select: { path: true, level: true } },
      transitions: { where: { action: "submit" }, orderBy: { at: "desc" }, take: 1, select: { actorId: true } },
    },
  });
  if (!plan) return null;
  const { transitions, ...rest } = plan;
  return { ...rest, submittedById: transitions[0]?.actorId ?? null };
}

/** The same, for an actor who must be able to see the plan: NOT_FOUND otherwise, so hidden plans stay hidden. */
export async function loadVisiblePlan(db: Db, actor: Actor, planId: string) {
  const plan = await loadPlanAccess(db, planId);
  if (!plan || !can(actor, "plan.view", plan)) throw notFound();
  return plan;
}
