import { flushLocalEdits } from "../collab/local-instance";
import { runAs } from "../commands/run-command";
import type { Db } from "../db/client";
import { DomainError, forbidden, invalidFields } from "../errors";
import { closeReviewRequests } from "../notifications/record-notifications";
import { can } from "../policies";
import type { Actor } from "../policies/actor";
import { snapshotPlanning, summarizeSnapshot } from "../planning/approved-snapshot";
import { loadVisiblePlan } from "../plans/load-visible-plan";
import { saveVersion } from "../documents/versions";
import { openSuggestions } from "../suggestions/open-suggestions";
import { reviewersAt, reviewingUnitOf } from "./reviewing-unit";
import { supersedePlan } from "./supersede-plan";
import { WORKFLOW, type WorkflowAction, nextStatus } from "./workflow";

/** The steps taken on the plan itself; amending opens another plan (amend-plan.ts). */
export type PlanStep = Exclude<WorkflowAction, "amend">;

/**
 * Takes one workflow step. Refuses, changing nothing: a hidden plan (NOT_FOUND), a step that
 * does not follow from the plan's status (CONFLICT), a user without the right, including a
 * leader reviewing their own submission (FORBIDDEN), a return without a reason, a submission
 * with nobody above to review it, and an approval while suggested changes are open in the
 * text, and the submission of a plan without its number and symbol (an amendment gets its own first). A
 * submission goes to the nearest unit above with a reviewer, whose reviewers are told; a
 * decision closes their request and tells the submitter. Approving an amendment supersedes the
 * plan it amends in the same transaction.
 */
export async function transitionPlan(db: Db, actor: Actor, planId: string, action: PlanStep, reason?: string) {
  const plan = await loadVisiblePlan(db, actor, planId);
  const to = nextStatus(plan.status, action);
  if (!to) throw new DomainError("CONFLICT", "errors.workflowIllegal");
  const right = WORKFLOW[action].right;
  if (!can(actor, right, plan)) {
    throw new DomainError(
      "FORBIDDEN",
      plan.submittedById === actor.userId && action !== "submit" ? "errors.reviewOwn" : "errors.forbidden",
    );
  }
  const why = reason?.trim() || null;
  if (action === "return" && !why) throw invalidFields({ reason: ["validation.reasonRequired"] });
  // The approved text is kept as a version: what editors wrote before the submission is stored.
  if (action === "approve") await flushLocalEdits(planId);

  const { revision } = plan;
  return runAs(db, actor, async (tx, effects, me) => {
    if (!can(me, right, plan)) throw forbidden();
    const { amendsId } = await tx.plan.findUniqueOrThrow({ where: { id: planId }, select: { amendsId: true } });
    // What is approved is what the text says: suggestions are accepted or rejected first.
    if (action === "approve" && (await openSuggestions(tx, planId)).length)
      throw new DomainError("CONFLICT", "errors.openSuggestions");
    if (action === "submit") await assertNumbered(tx, planId);
    const reviewUnit = action === "submit" ? await reviewingUnitOf(tx, plan.issuingUnit) : null;
    if (action === "submit" && !reviewUnit) throw new DomainError("CONFLICT", "errors.noReviewer");
    // The status condition makes a double click or a concurrent reviewer a no-op conflict.
    const { count } = await tx.plan.updateMany({
      where: { id: planId, status: plan.status },
      data: {
        status: to,
        updatedById: me.userId,
        ...(reviewUnit ? { submittedById: me.userId, reviewUnitId: reviewUnit.id } : {}),
      },
    });
    if (count === 0) throw new DomainError("CONFLICT", "errors.workflowIllegal");
    if (action === "approve" && amendsId) await supersedePlan(tx, effects, me, amendsId, planId);
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
        actorId: me.userId,
      },
      select: { id: true, action: true, fromStatus: true, toStatus: true, revision: true, reason: true, at: true },
    });
    effects.audit({
      action: `plan.${action}`,
      entityType: "Plan",
      entityId: planId,
      before: { status: plan.status, revision: plan.revision },
      after: { status: to, revision, reason: why, reviewUnitId: reviewUnit?.id },
    });
    if (action === "approve") await saveVersion(tx, planId, { kind: "approved", revision, createdById: me.userId });
    if (reviewUnit) effects.notify({ kind: "submitted", planId, recipients: await reviewersAt(tx, reviewUnit.id) });
    if (action === "return" || action === "approve") {
      effects.notificationsChanged(await closeReviewRequests(tx, planId));
      if (plan.submittedById)
        effects.notify({
          kind: action === "return" ? "returned" : "approved",
          planId,
          recipients: [plan.submittedById],
        });
    }
    // Who may edit the document has changed: open editors reconnect and are checked again.
    effects.planAccessChanged(planId);
    effects.planChanged(planId, "workflow");
    return step;
  });
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
  return steps.map(({ snapshot, ...step }) => ({
    ...step,
    approved: step.action === "approve" ? summarizeSnapshot(snapshot) : null,
  }));
}

/**
 * A draft may be written before it is numbered, but what goes up for approval carries its
 * number and symbol: refused on the plan's "reference" field, which the form shows.
 */
async function assertNumbered(tx: Pick<Db, "plan">, planId: string) {
  const plan = await tx.plan.findUnique({ where: { id: planId }, select: { number: true, symbol: true } });
  if (!plan?.number || !plan.symbol)
    throw new DomainError("BAD_REQUEST", "errors.referenceRequiredToSubmit", {
      reference: ["validation.referenceRequiredToSubmit"],
    });
}
