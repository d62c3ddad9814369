import type { Tx } from "../commands/run-command";
import type { Effects } from "../commands/effects";
import { DomainError } from "../errors";
import type { Actor } from "../policies/actor";
import { carryProgress } from "./carry-progress";
import { IN_FORCE_STATUS, SUPERSEDED_STATUS } from "./workflow";

/**
 * The other half of approving an amendment, in the same transaction: the plan it amends stops
 * being in force (kept, read-only, linked), so that at every moment exactly one of the two is
 * counted. Progress recorded on it meanwhile follows to the amendment, and the plans beneath
 * that implement it now implement the amendment: they carry out whatever plan is in force,
 * and the link keeps their roll-ups and the lists of implementing plans on the plan in force
 * (the audit event names them, should anyone ask what they were written against).
 */
export async function supersedePlan(tx: Tx, effects: Effects, me: Actor, planId: string, amendmentId: string) {
  const { count } = await tx.plan.updateMany({
    where: { id: planId, status: IN_FORCE_STATUS },
    data: { status: SUPERSEDED_STATUS, updatedById: me.userId },
  });
  if (count === 0) throw new DomainError("CONFLICT", "errors.workflowIllegal");
  const { revision } = await tx.plan.findUniqueOrThrow({ where: { id: planId }, select: { revision: true } });
  await tx.planTransition.create({
    data: {
      planId,
      action: "supersede",
      fromStatus: IN_FORCE_STATUS,
      toStatus: SUPERSEDED_STATUS,
      revision,
      actorId: me.userId,
    },
    select: { id: true },
  });
  await carryProgress(tx, planId, amendmentId);
  const children = await tx.plan.findMany({ where: { parentId: planId }, select: { id: true } });
  await tx.plan.updateMany({ where: { parentId: planId }, data: { parentId: amendmentId } });
  effects.audit({
    action: "plan.supersede",
    entityType: "Plan",
    entityId: planId,
    before: { status: IN_FORCE_STATUS },
    after: { status: SUPERSEDED_STATUS, supersededBy: amendmentId, children: children.map((c) => c.id) },
  });
  effects.planChanged(planId, "workflow");
  effects.planAccessChanged(planId);
  for (const child of children) effects.planChanged(child.id, "workflow");
}
