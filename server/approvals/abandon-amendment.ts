import { runAs } from "../commands/run-command";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/actor";
import { loadVisiblePlan } from "../plans/load-visible-plan";

/**
 * Abandons an amendment its authors still hold (a draft, or returned): it is deleted with its
 * text, content and discussion, and the plan it amended, in force all along, may be amended
 * again. The audit event keeps what it was. Once submitted, the reviewers decide (they return
 * it, and the authors may then abandon it).
 */
export async function abandonAmendment(db: Db, actor: Actor, planId: string) {
  const load = async (reader: Pick<Db, "plan">, who: Actor) => {
    const plan = await loadVisiblePlan(reader, who, planId);
    const { amendsId, number, symbol, title } = await reader.plan.findUniqueOrThrow({
      where: { id: planId },
      select: { amendsId: true, number: true, symbol: true, title: true },
    });
    if (!amendsId) throw new DomainError("CONFLICT", "errors.notAnAmendment");
    authorize(who, "plan.abandon", { ...plan, amendsId });
    return { ...plan, amendsId, number, symbol, title };
  };
  await load(db, actor);
  return runAs(db, actor, async (tx, effects, me) => {
    const plan = await load(tx, me);
    // The status condition: an amendment submitted meanwhile is not deleted under its reviewers.
    const { count } = await tx.plan.deleteMany({ where: { id: planId, status: plan.status } });
    if (count === 0) throw new DomainError("CONFLICT", "errors.workflowIllegal");
    effects.audit({
      action: "plan.abandon",
      entityType: "Plan",
      entityId: planId,
      before: { amendsId: plan.amendsId, number: plan.number, symbol: plan.symbol, title: plan.title },
    });
    effects.planAccessChanged(planId);
    effects.planChanged(planId, "workflow");
    effects.planChanged(plan.amendsId, "workflow");
    return { amendsId: plan.amendsId };
  });
}
