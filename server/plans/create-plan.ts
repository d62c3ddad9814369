import type { Db } from "../db/client";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../policies/actor";
import { type PlanDetailsInput, validatePlanDetails } from "./plan-rules";

/** Creates a draft plan; its period is the programme's. */
export async function createPlan(db: Db, actor: Actor, input: PlanDetailsInput) {
  const { program } = await validatePlanDetails(db, actor, input);
  return db.$transaction(async (tx) => {
    const plan = await tx.plan.create({
      data: {
        ...input,
        periodStart: program.periodStart,
        periodEnd: program.periodEnd,
        createdById: actor.userId,
        updatedById: actor.userId,
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
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "plan.create",
      entityType: "Plan",
      entityId: plan.id,
      after: plan,
    });
    return plan;
  });
}
