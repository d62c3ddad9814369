import type { PlanAction, PlanStatus, Prisma } from "../db/generated/client";
import type { Action } from "../policies";

/** The steps a user takes. `supersede` is not one: it follows from approving an amendment. */
export type WorkflowAction = Exclude<PlanAction, "supersede">;

/**
 * The approval workflow: draft → submitted → returned (with a reason) or approved. An approved
 * plan is frozen; amending it opens a new plan beside it, a draft that goes through the same
 * steps while the approved one stays in force (server/approvals/amend-plan.ts). Approving the
 * amendment supersedes the plan it amends.
 */
export const WORKFLOW = {
  submit: { from: ["draft", "returned"], to: "submitted", right: "plan.submit" },
  return: { from: ["submitted"], to: "returned", right: "plan.review" },
  approve: { from: ["submitted"], to: "approved", right: "plan.review" },
  /** From the plan in force to its amendment, which starts as a draft. */
  amend: { from: ["approved"], to: "draft", right: "plan.amend" },
} as const satisfies Record<WorkflowAction, { from: readonly PlanStatus[]; to: PlanStatus; right: Action }>;

/** A plan's content changes in the statuses a submission starts from. */
export const EDITABLE_STATUSES: readonly PlanStatus[] = WORKFLOW.submit.from;
/** A plan is in force once approved: the units beneath see it, and roll-ups count its figures. */
export const IN_FORCE_STATUS: PlanStatus = WORKFLOW.approve.to;
/** What a plan in force becomes when its amendment is approved: kept, read-only, counted nowhere. */
export const SUPERSEDED_STATUS: PlanStatus = "superseded";
/** Plans the units beneath may read: the one in force, and the ones it replaced (plans below may still cite them). */
export const PUBLISHED_STATUSES: readonly PlanStatus[] = [IN_FORCE_STATUS, SUPERSEDED_STATUS];
/** Progress is recorded while the plan is editable and while it is in force, never under review nor once superseded. */
export const TRACKABLE_STATUSES: readonly PlanStatus[] = [...EDITABLE_STATUSES, ...WORKFLOW.amend.from];

/**
 * One revision of each plan, the one that counts now: the plan in force, or the working draft
 * of a plan never approved. An open amendment is left out (its plan in force counts), and so is
 * a superseded revision, so that no figure is counted twice.
 */
export const CURRENT_REVISION_WHERE = {
  status: { not: SUPERSEDED_STATUS },
  OR: [{ amendsId: null }, { status: IN_FORCE_STATUS }],
} satisfies Prisma.PlanWhereInput;

/** One revision of each plan, the newest: an open amendment stands in for the plan it amends (proposals). */
export const LATEST_REVISION_WHERE = {
  status: { not: SUPERSEDED_STATUS },
  amendment: { is: null },
} satisfies Prisma.PlanWhereInput;

/** The status after `action`, or null when the action is not a step from `status`. */
export function nextStatus(status: PlanStatus, action: WorkflowAction): PlanStatus | null {
  const step = WORKFLOW[action];
  return (step.from as readonly PlanStatus[]).includes(status) ? step.to : null;
}
