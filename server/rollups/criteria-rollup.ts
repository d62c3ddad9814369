import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { invalidFields } from "../errors";
import type { Actor } from "../policies/actor";
import { PERIOD_PATTERN, percentOf, periodOrder } from "../planning/figures";
import { criteriaSetWhere } from "../criteria/assessments";
import { loadRollupUnit } from "./rollup-unit";

export interface RollupQuery {
  /** The unit whose units beneath are counted, by id or official code. */
  unit: { id: string } | { code: string };
  period: string;
  /** A criteria set code; by default the set of the period's years for communes. */
  setCode?: string;
}

/** Average with two decimals, half up, from integers: 1312 criteria over 100 communes → 13.12. */
export const averageOf = (total: number, count: number) =>
  count === 0 ? 0 : (percentOf(BigInt(total), BigInt(count) * 100n) ?? 0);

const MET = ["met", "advanced", "model"] as const;

/** Resolves and checks what a roll-up is about: a unit the actor may roll up, a valid period and the set. */
export async function resolveRollup(db: Db, actor: Actor, query: RollupQuery) {
  if (!PERIOD_PATTERN.test(query.period)) throw invalidFields({ period: ["validation.period"] });
  const { unit, scope, scopeWhere } = await loadRollupUnit(db, actor, query.unit);
  // Without a named set, the newest commune set covering the period (the order makes the choice stable).
  const set = await db.criteriaSet.findFirst({
    where: criteriaSetWhere(query.period, query.setCode),
    orderBy: { periodStart: "desc" },
    select: {
      id: true,
      code: true,
      name: true,
      nameEn: true,
      unitLevel: true,
      hasLevels: true,
      criteria: { select: { id: true, number: true, name: true, nameEn: true }, orderBy: { number: "asc" } },
    },
  });
  if (!set) throw invalidFields({ setCode: ["validation.setUnknown"] });
  return { unit, set, period: query.period, scope, scopeWhere };
}

/**
 * The criteria roll-up of every unit beneath a unit for one period: per criterion how many
 * assessed units meet it (and at the advanced and model levels) and the rate; how many meet
 * the whole set; the average number met; and how many units meet 0, 1, … n criteria. Counted
 * by the database from the assessments; rates come from the integer counts, so they always
 * agree with them ("97/115 xã đạt tiêu chí số 5 — 84,35%").
 */
export async function criteriaRollup(db: Db, actor: Actor, query: RollupQuery) {
  const { unit, set, period, scope } = await resolveRollup(db, actor, query);
  return countRollup(db, { unit, set, period, scope });
}

/**
 * The counts behind a roll-up, once the unit, set and period are settled and allowed: two
 * aggregates in SQL (per criterion and result; per unit, the number met), so that a province
 * of thousands of communes is counted by the database, not fetched.
 */
async function countRollup(
  db: Db,
  { unit, set, period, scope }: Pick<Awaited<ReturnType<typeof resolveRollup>>, "unit" | "set" | "period" | "scope">,
) {
  const criterionIds = set.criteria.map((c) => c.id);
  const inScope = Prisma.sql`a.period = ${period} AND a."criterionId" = ANY(${criterionIds}) AND (starts_with(u.path, ${scope.path}) OR u.id = ANY(${scope.predecessors}))`;
  const [byResult, byUnit] = await Promise.all([
    db.$queryRaw<{ criterionId: string; result: string; n: number }[]>`
      SELECT a."criterionId", a.result::text AS result, count(*)::int AS n
      FROM "CriterionAssessment" a JOIN "OrgUnit" u ON u.id = a."unitId"
      WHERE ${inScope} GROUP BY 1, 2`,
    db.$queryRaw<{ met: number; units: number }[]>`
      SELECT met, count(*)::int AS units FROM (
        SELECT count(*) FILTER (WHERE a.result <> 'not_met')::int AS met
        FROM "CriterionAssessment" a JOIN "OrgUnit" u ON u.id = a."unitId"
        WHERE ${inScope} GROUP BY a."unitId") per_unit
      GROUP BY met`,
  ]);
  const units = byUnit.reduce((sum, row) => sum + row.units, 0);
  const count = (criterionId: string, results: readonly string[]) =>
    byResult
      .filter((r) => r.criterionId === criterionId && results.includes(r.result))
      .reduce((sum, r) => sum + r.n, 0);
  const distribution = Array.from({ length: set.criteria.length + 1 }, () => 0);
  for (const row of byUnit) distribution[row.met] = row.units;
  const totalMet = byUnit.reduce((sum, row) => sum + row.met * row.units, 0);

  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    period,
    set: { code: set.code, name: set.name, nameEn: set.nameEn, hasLevels: set.hasLevels },
    units,
    criteria: set.criteria.map((criterion) => {
      const met = count(criterion.id, MET);
      return {
        number: criterion.number,
        name: criterion.name,
        nameEn: criterion.nameEn,
        met,
        advanced: count(criterion.id, ["advanced"]),
        model: count(criterion.id, ["model"]),
        rate: percentOf(BigInt(met), BigInt(units)) ?? 0,
      };
    }),
    allMet: distribution[set.criteria.length]!,
    averageMet: averageOf(totalMet, units),
    /** distribution[k] = units meeting exactly k criteria. */
    distribution,
  };
}

/**
 * The units behind a figure, for drill-down: the assessed units beneath the unit with the
 * number of criteria each meets; with `criteria`, only those meeting every one of them
 * ("both 5 and 14"); with `metCount`, only those meeting exactly that many.
 */
export async function rollupUnits(
  db: Db,
  actor: Actor,
  query: RollupQuery & { criteria?: number[]; metCount?: number },
) {
  const { set, period, scopeWhere } = await resolveRollup(db, actor, query);
  const rows = await db.criterionAssessment.findMany({
    where: { period, criterion: { setId: set.id }, unit: scopeWhere },
    select: {
      result: true,
      criterion: { select: { number: true } },
      unit: { select: { id: true, code: true, name: true } },
    },
  });
  const units = new Map<string, { id: string; code: string; name: string; met: number[] }>();
  for (const row of rows) {
    const entry = units.get(row.unit.id) ?? { ...row.unit, met: [] };
    if (row.result !== "not_met") entry.met.push(row.criterion.number);
    units.set(row.unit.id, entry);
  }
  const wanted = query.criteria ?? [];
  const list = [...units.values()]
    .filter((u) => wanted.every((n) => u.met.includes(n)))
    .filter((u) => query.metCount === undefined || u.met.length === query.metCount)
    .map((u) => ({ ...u, met: u.met.sort((a, b) => a - b), metCount: u.met.length }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return { set: { code: set.code, criteria: set.criteria.length }, period, units: list };
}

/**
 * The record across periods: for each criteria set that has assessments beneath the unit
 * (predecessors of merged units included), the roll-up of every period, oldest first. Sets
 * stay apart — 19 criteria of 2021–2025 are never averaged with 10 of 2026–2030.
 */
export async function criteriaTrend(db: Db, actor: Actor, input: { unitId: string }) {
  const { unit, scope, scopeWhere } = await loadRollupUnit(db, actor, { id: input.unitId });
  const pairs = await db.criterionAssessment.groupBy({ by: ["period", "criterionId"], where: { unit: scopeWhere } });
  const criteria = await db.criterion.findMany({
    where: { id: { in: [...new Set(pairs.map((p) => p.criterionId))] } },
    select: { id: true, setId: true },
  });
  const setOf = new Map(criteria.map((c) => [c.id, c.setId]));
  const sets = await db.criteriaSet.findMany({
    where: { id: { in: [...new Set(criteria.map((c) => c.setId))] } },
    orderBy: { periodStart: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      nameEn: true,
      unitLevel: true,
      hasLevels: true,
      criteria: { select: { id: true, number: true, name: true, nameEn: true }, orderBy: { number: "asc" } },
    },
  });
  return Promise.all(
    sets.map(async (set) => {
      const periods = [...new Set(pairs.filter((p) => setOf.get(p.criterionId) === set.id).map((p) => p.period))].sort(
        (a, b) => periodOrder(a) - periodOrder(b),
      );
      const rollups = await Promise.all(periods.map((period) => countRollup(db, { unit, set, period, scope })));
      return {
        set: { code: set.code, name: set.name, nameEn: set.nameEn, criteria: set.criteria.length },
        periods: rollups.map(({ period, units, allMet, averageMet, criteria }) => ({
          period,
          units,
          allMet,
          averageMet,
          rates: criteria.map((c) => c.rate),
        })),
      };
    }),
  );
}
