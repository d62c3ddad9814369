import { recordAuditEvent } from "../audit/record-audit-event";
import { runningCollabServer } from "../collab/registry";
import { saveVersion } from "../collab/versions";
import type { Db } from "../db/client";
import type { PlanAction } from "../db/generated/client";
import { DomainError, invalidFields } from "../errors";
import { publishPlanEvent } from "../live/live-events";
import { notify, reviewersOf } from "../notifications/notify";
import type { Actor } from "../policies/actor";
import { can } from "../policies";
import { snapshotPlanning, summarizeSnapshot } from "../planning/approved-snapshot";
import { loadVisiblePlan } from "../plans/load-visible-plan";
import { WORKFLOW, nextStatus } from "./workflow";

/**
 * Takes one workflow step. Refuses, changing nothing: a hidden plan (NOT_FOUND), a step that
 * does not follow from the plan's status (CONFLICT), a user without the right, including a
 * leader reviewing their own submission (FORBIDDEN), and a return without a reason.
 */
export async function transitionPlan(db: Db, actor: Actor, planId: string, action: PlanAction, reason?: string) {
  const plan = await loadVisiblePlan(db, actor, planId);
  const to = nextStatus(plan.status, action);
  if (!to) throw new DomainError("CONFLICT", "errors.workflowIllegal");
  if (!can(actor, WORKFLOW[action].right, plan)) {
    throw new DomainError(
      "FORBIDDEN",
      plan.submittedById === actor.userId && action !== "submit" ? "errors.reviewOwn" : "errors.forbidden",
    );
  }
  const why = reason?.trim() || null;
  if (action === "return" && !why) throw invalidFields({ reason: ["validation.reasonRequired"] });

  const revision = action === "amend" ? plan.revision + 1 : plan.revision;
  const transition = await db.$transaction(async (tx) => {
    // The status condition makes a double click or a concurrent reviewer a no-op conflict.
    const { count } = await tx.plan.updateMany({
      where: { id: planId, status: plan.status },
      data: { status: to, revision, updatedById: actor.userId },
    });
    if (count === 0) throw new DomainError("CONFLICT", "errors.workflowIllegal");
    const snapshot = action === "approve" ? await snapshotPlanning(tx, planId) : undefined;
    const step = await tx.planTransition.create({
      data: {
        planId,
        action,
        fromStatus: plan.status,
        toStatus: to,
        revision,
        reason: why,
        snapshot,
        actorId: actor.userId,
      },
      select: { id: true, action: true, fromStatus: true, toStatus: true, revision: true, reason: true, at: true },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: `plan.${action}`,
      entityType: "Plan",
      entityId: planId,
      before: { status: plan.status, revision: plan.revision },
      after: { status: to, revision, reason: why },
    });
    return step;
  });

  const collab = runningCollabServer();
  if (action === "approve") {
    // The approved text is kept as a version of its own.
    await collab?.flush(planId);
    await saveVersion(db, planId, "manual", `Bản được phê duyệt (lần ${revision})`, actor.userId);
  }
  // Who may edit the document has changed: open editors reconnect and are checked again.
  collab?.reauthorize(planId);
  await publishPlanEvent(db, { planId, topic: "workflow" });
  if (action === "submit") {
    await notify(db, {
      kind: "submitted",
      planId,
      actorId: actor.userId,
      recipients: await reviewersOf(db, plan.issuingUnit.path),
    });
  } else if ((action === "return" || action === "approve") && plan.submittedById) {
    await notify(db, {
      kind: action === "return" ? "returned" : "approved",
      planId,
      actorId: actor.userId,
      recipients: [plan.submittedById],
    });
  }
  return transition;
}

/** The plan's workflow steps, oldest first, for its timeline. */
export async function listTransitions(db: Db, actor: Actor, planId: string) {
  await loadVisiblePlan(db, actor, planId);
  const steps = await db.planTransition.findMany({
    where: { planId },
    orderBy: { at: "asc" },
    select: {
      id: true,
      action: true,
      fromStatus: true,
      toStatus: true,
      revision: true,
      reason: true,
      at: true,
      snapshot: true,
      actor: { select: { id: true, name: true } },
    },
  });
  return steps.map(({ snapshot, ...step }) => ({ ...step, approved: summarizeSnapshot(snapshot) }));
}
