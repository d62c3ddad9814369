import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { type FieldErrors, invalidFields } from "../errors";
import type { Actor } from "../policies/actor";
import { can, viewablePlansWhere } from "../policies";
import { pathAndAncestors } from "../policies/tree";
import { CURRENT_REVISION_WHERE } from "../approvals/workflow";
import { planSummarySelect } from "./plan-select";

/** The details a planner enters for a plan, already shaped by the API schema. */
export interface PlanDetailsInput {
  number: string | null;
  symbol: string;
  title: string;
  issuedOn: Date | null;
  issuingUnitId: string;
  programId: string;
  year: number | null;
  parentId: string | null;
}

/**
 * Plans a plan of `issuingUnitId` may implement: visible plans of the same programme issued
 * higher up (by a unit above it, or by a department attached to such a unit).
 */
export function higherPlansWhere(actor: Actor, issuingUnit: { id: string; path: string }): Prisma.PlanWhereInput {
  const above = pathAndAncestors(issuingUnit.path).slice(0, -1);
  return {
    AND: [
      viewablePlansWhere(actor),
      // The plan in force, or a draft: not an amendment still drafted beside it, nor a superseded one.
      CURRENT_REVISION_WHERE,
      { issuingUnitId: { not: issuingUnit.id } },
      {
        OR: [
          { issuingUnit: { path: { in: above } } },
          { issuingUnit: { level: "agency", parent: { path: { in: above } } } },
        ],
      },
    ],
  };
}

export async function listParentCandidates(db: Db, actor: Actor, issuingUnitId: string) {
  const unit = await db.orgUnit.findUnique({
    where: { id: issuingUnitId },
    select: { id: true, path: true, level: true },
  });
  if (!unit || !can(actor, "unit.view", unit)) return [];
  return db.plan.findMany({
    where: higherPlansWhere(actor, unit),
    select: planSummarySelect,
    orderBy: [{ periodStart: "desc" }, { issuedOn: "desc" }],
  });
}

/**
 * Checks what zod cannot: that the issuing unit is one the actor may author for, the
 * programme exists and covers the year, the parent is a higher plan of the same programme,
 * and the number/symbol is not used by another plan of the unit. Throws field errors.
 */
export async function validatePlanDetails(db: Db, actor: Actor, input: PlanDetailsInput, planId?: string) {
  const errors: FieldErrors = {};
  const add = (field: string, key: string) => (errors[field] ??= []).push(key);

  const [found, program] = await Promise.all([
    db.orgUnit.findUnique({ where: { id: input.issuingUnitId }, select: { id: true, path: true, level: true } }),
    db.program.findUnique({ where: { id: input.programId } }),
  ]);
  // Rights first: nothing is looked up at a unit the actor may not author for, so the answer
  // never tells whether a plan number or a parent exists there.
  const unit = found && can(actor, "plan.create", found) ? found : null;
  if (!unit) add("issuingUnitId", "validation.unitNotAllowed");
  if (!program) add("programId", "validation.programUnknown");
  else if (input.year !== null && (input.year < program.periodStart || input.year > program.periodEnd)) {
    add("year", "validation.yearOutsidePeriod");
  }

  if (input.parentId && unit) {
    const parent = await db.plan.findFirst({
      where: { AND: [{ id: input.parentId }, higherPlansWhere(actor, unit)] },
      select: { id: true, programId: true },
    });
    if (!parent || parent.id === planId) add("parentId", "validation.parentNotHigher");
    else if (program && parent.programId !== program.id) add("parentId", "validation.parentOtherProgram");
  }

  // Drafts without a number yet do not clash: the number is checked once it is given.
  if (unit && input.number) {
    const clash = await db.plan.findFirst({
      where: {
        issuingUnitId: unit.id,
        number: input.number,
        symbol: input.symbol,
        id: planId ? { not: planId } : undefined,
      },
      select: { id: true },
    });
    if (clash) add("reference", "validation.referenceTaken");
  }

  if (Object.keys(errors).length) throw invalidFields(errors);
  return { program: program!, unit: unit! };
}
