import type { Db } from "../db/client";
import type { AssessmentResult, Prisma } from "../db/generated/client";
import { runAs } from "../commands/run-command";
import { invalidFields, notFound } from "../errors";
import { authorize, can } from "../policies";
import type { Actor } from "../policies/actor";
import { periodOrder } from "../planning/figures";
import type { TAssessment, TUnitGroup } from "./schemas";
import { writeAssessments } from "./write-assessments";

async function loadVisibleUnit(db: Db, actor: Actor, unitId: string) {
  const unit = await db.orgUnit.findUnique({ where: { id: unitId }, select: { id: true, path: true, level: true } });
  if (!unit || !can(actor, "unit.view", unit)) throw notFound();
  return unit;
}

type SetRules = { unitLevel: string; hasLevels: boolean; periodStart: number; periodEnd: number };

/**
 * The rules every assessment follows, wherever it comes from (the unit's form, an imported
 * table): a set applies to the units of its level (a commune is assessed on a commune set),
 * the advanced and model levels exist only in sets that have them, and the period lies within
 * the set's years.
 */
export const setAppliesTo = (set: SetRules, unit: { level: string }) => set.unitLevel === unit.level;
export const setAllowsResult = (set: SetRules, result: AssessmentResult) =>
  set.hasLevels || (result !== "advanced" && result !== "model");
export function setCoversPeriod(set: SetRules, period: string) {
  const year = Number(period.slice(0, 4));
  return year >= set.periodStart && year <= set.periodEnd;
}

/** Which set a period is assessed on: the one named, or else the commune set of the period's years. */
export const criteriaSetWhere = (period: string, setCode?: string): Prisma.CriteriaSetWhereInput => {
  const year = Number(period.slice(0, 4));
  return setCode ? { code: setCode } : { unitLevel: "commune", periodStart: { lte: year }, periodEnd: { gte: year } };
};

async function loadSetFor(db: Db, unit: { level: string }, where: { criterionId?: string; setId?: string }) {
  const set = await db.criteriaSet.findFirst({
    where: where.setId ? { id: where.setId } : { criteria: { some: { id: where.criterionId } } },
    select: { id: true, unitLevel: true, groupCount: true, hasLevels: true, periodStart: true, periodEnd: true },
  });
  if (!set) throw notFound();
  if (!setAppliesTo(set, unit))
    throw invalidFields({ [where.setId ? "setId" : "criterionId"]: ["validation.setLevel"] });
  return set;
}

/** Records (or corrects) a unit's result on one criterion for a period. */
export async function recordAssessment(db: Db, actor: Actor, input: TAssessment) {
  const unit = await loadVisibleUnit(db, actor, input.unitId);
  authorize(actor, "unit.assess", unit);
  const set = await loadSetFor(db, unit, { criterionId: input.criterionId });
  if (!setAllowsResult(set, input.result)) throw invalidFields({ result: ["validation.noLevels"] });
  if (!setCoversPeriod(set, input.period)) throw invalidFields({ period: ["validation.periodOutsideSet"] });
  return runAs(db, actor, async (tx, effects, me) => {
    const [id] = await writeAssessments(tx, me, effects, [input]);
    return tx.criterionAssessment.findUniqueOrThrow({ where: { id } });
  });
}

/** Puts a commune in one of a set's groups (2026–2030 thresholds differ by group). */
export async function setUnitGroup(db: Db, actor: Actor, input: TUnitGroup) {
  const unit = await loadVisibleUnit(db, actor, input.unitId);
  authorize(actor, "unit.assess", unit);
  const set = await loadSetFor(db, unit, { setId: input.setId });
  if (input.group > set.groupCount) throw invalidFields({ group: ["validation.group"] });
  const key = { unitId_setId: { unitId: input.unitId, setId: input.setId } };
  return runAs(db, actor, async (tx, effects, me) => {
    authorize(me, "unit.assess", unit);
    const before = await tx.unitCriteriaGroup.findUnique({ where: key });
    const after = await tx.unitCriteriaGroup.upsert({ where: key, create: input, update: { group: input.group } });
    effects.audit({ action: "unitGroup.set", entityType: "OrgUnit", entityId: input.unitId, before, after });
    return after;
  });
}

/**
 * A unit's standing on each set of its level: the periods assessed and, for the latest (or the
 * chosen) period, every criterion's result and the count met ("16/19").
 */
export async function unitCriteriaStatus(db: Db, actor: Actor, unitId: string, period?: string) {
  const unit = await loadVisibleUnit(db, actor, unitId);
  const sets = await db.criteriaSet.findMany({
    where: { unitLevel: unit.level },
    orderBy: { periodStart: "desc" },
    include: {
      criteria: { orderBy: { number: "asc" }, select: { id: true, number: true, name: true, nameEn: true } },
      groups: { where: { unitId }, select: { group: true } },
    },
  });
  const assessments = await db.criterionAssessment.findMany({
    where: { unitId, criterion: { setId: { in: sets.map((s) => s.id) } } },
    select: {
      criterionId: true,
      period: true,
      result: true,
      note: true,
      evidenceUrl: true,
      updatedAt: true,
      criterion: { select: { setId: true } },
    },
  });
  return {
    canAssess: can(actor, "unit.assess", unit),
    sets: sets.map(({ criteria, groups, ...set }) => {
      const own = assessments.filter((a) => a.criterion.setId === set.id);
      const periods = [...new Set(own.map((a) => a.period))].sort((a, b) => periodOrder(b) - periodOrder(a));
      const shown = period && periods.includes(period) ? period : (periods[0] ?? null);
      const results = criteria.map((criterion) => ({
        ...criterion,
        assessment: own.find((a) => a.criterionId === criterion.id && a.period === shown) ?? null,
      }));
      return {
        ...set,
        group: groups[0]?.group ?? null,
        periods,
        period: shown,
        criteria: results,
        met: results.filter((r) => r.assessment && r.assessment.result !== "not_met").length,
      };
    }),
  };
}
