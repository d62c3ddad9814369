import { runAs } from "../commands/run-command";
import type { Db } from "../db/client";
import { authorize } from "../policies";
import type { Actor } from "../policies/actor";
import { type PlanDetailsInput, validatePlanDetails } from "./plan-rules";

/** Creates a draft plan; its period is the programme's. */
export async function createPlan(db: Db, actor: Actor, input: PlanDetailsInput) {
  const { program, unit } = await validatePlanDetails(db, actor, input);
  return runAs(db, actor, async (tx, effects, me) => {
    authorize(me, "plan.create", unit);
    const plan = await tx.plan.create({
      data: {
        ...input,
        periodStart: program.periodStart,
        periodEnd: program.periodEnd,
        createdById: me.userId,
        updatedById: me.userId,
      },
      select: {
        id: true,
        number: true,
        symbol: true,
        title: true,
        issuingUnitId: true,
        programId: true,
        year: true,
        parentId: true,
        issuedOn: true,
        status: true,
      },
    });
    effects.audit({ action: "plan.create", entityType: "Plan", entityId: plan.id, after: plan });
    return plan;
  });
}
