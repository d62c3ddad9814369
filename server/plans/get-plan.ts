import type { Db } from "../db/client";
import { notFound } from "../errors";
import type { Actor } from "../policies/actor";
import { can, viewablePlansWhere } from "../policies";
import { CURRENT_REVISION_WHERE } from "../approvals/workflow";
import { planSummarySelect } from "./plan-select";

/**
 * A plan with the plan it implements and the visible plans that implement it, the plan it
 * amends and its amendment (open, or the one that superseded it), plus what the actor may do with it (edit its details and text, take which workflow step). NOT_FOUND when
 * the actor may not see it, so that the existence of another commune's plan is not revealed.
 */
export async function getPlan(db: Db, actor: Actor, planId: string) {
  const plan = await db.plan.findUnique({
    where: { id: planId },
    select: {
      ...planSummarySelect,
      createdAt: true,
      createdBy: { select: { id: true, name: true } },
      updatedBy: { select: { id: true, name: true } },
      parent: { select: planSummarySelect },
      revision: true,
      submittedById: true,
      reviewUnit: { select: { id: true, code: true, name: true, path: true } },
      amendsId: true,
      amends: { select: { id: true, number: true, symbol: true, status: true } },
      amendment: {
        select: {
          id: true,
          number: true,
          symbol: true,
          status: true,
          issuingUnit: { select: { path: true, level: true } },
        },
      },
    },
  });
  if (!plan || !can(actor, "plan.view", plan)) throw notFound();

  const children = await db.plan.findMany({
    where: { AND: [{ parentId: plan.id }, viewablePlansWhere(actor), CURRENT_REVISION_WHERE] },
    select: planSummarySelect,
    orderBy: [{ issuingUnit: { code: "asc" } }, { year: "desc" }],
  });
  // The parent is shown only if the actor may see it too.
  const parent = plan.parent && can(actor, "plan.view", plan.parent) ? plan.parent : null;
  // An open amendment is a draft of the issuing level: the units beneath do not see it.
  const amendment =
    plan.amendment && can(actor, "plan.view", plan.amendment)
      ? {
          id: plan.amendment.id,
          number: plan.amendment.number,
          symbol: plan.amendment.symbol,
          status: plan.amendment.status,
        }
      : null;
  return {
    ...plan,
    parent,
    amendment,
    children,
    canEdit: can(actor, "plan.update", plan),
    can: {
      submit: can(actor, "plan.submit", plan),
      review: can(actor, "plan.review", plan),
      amend: can(actor, "plan.amend", plan),
      issue: !plan.issuedAt && can(actor, "plan.issue", plan),
      abandon: can(actor, "plan.abandon", plan),
    },
  };
}
