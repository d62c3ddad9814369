import type { PlanAction, PlanStatus } from "../db/generated/client";
import type { Action } from "../policies";

/**
 * The approval workflow: draft → submitted → returned (with a reason) or approved; an
 * approved plan is frozen until an amendment opens its next revision as a draft.
 */
export const WORKFLOW = {
  submit: { from: ["draft", "returned"], to: "submitted", right: "plan.submit" },
  return: { from: ["submitted"], to: "returned", right: "plan.review" },
  approve: { from: ["submitted"], to: "approved", right: "plan.review" },
  amend: { from: ["approved"], to: "draft", right: "plan.amend" },
} as const satisfies Record<PlanAction, { from: readonly PlanStatus[]; to: PlanStatus; right: Action }>;

/** A plan's content changes in the statuses a submission starts from. */
export const EDITABLE_STATUSES: readonly PlanStatus[] = WORKFLOW.submit.from;
/** A plan is in force once approved: the units beneath see it, and roll-ups count its figures. */
export const IN_FORCE_STATUS: PlanStatus = WORKFLOW.approve.to;
/** Progress is recorded while the plan is editable and after its approval, never while it is under review. */
export const TRACKABLE_STATUSES: readonly PlanStatus[] = [...EDITABLE_STATUSES, ...WORKFLOW.amend.from];

/** The status after `action`, or null when the action is not a step from `status`. */
export function nextStatus(status: PlanStatus, action: PlanAction): PlanStatus | null {
  const step = WORKFLOW[action];
  return (step.from as readonly PlanStatus[]).includes(status) ? step.to : null;
}
