import * as Y from "yjs";
import { runAs } from "../commands/run-command";
import type { Db } from "../db/client";
import { toYdoc } from "../documents/content";
import { appendUpdate } from "../documents/storage";
import { authorize } from "../policies";
import type { Actor } from "../policies/actor";
import { PLAN_OUTLINE } from "./plan-outline";
import { type PlanDetailsInput, validatePlanDetails } from "./plan-rules";

/** Creates a draft plan; its period is the programme's. With `outline`, its text starts from PLAN_OUTLINE. */
export async function createPlan(
  db: Db,
  actor: Actor,
  { outline, ...input }: PlanDetailsInput & { outline?: boolean },
) {
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
    if (outline) await appendUpdate(tx, plan.id, Y.encodeStateAsUpdate(toYdoc(PLAN_OUTLINE)), me.userId);
    effects.audit({ action: "plan.create", entityType: "Plan", entityId: plan.id, after: plan });
    return plan;
  });
}
