import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { invalidFields } from "../errors";
import type { Actor } from "../policies/actor";
import { PERIOD_PATTERN, percentOf, periodOrder } from "../planning/figures";
import { criteriaSetWhere } from "../criteria/assessments";
import { subtreePattern } from "../policies/tree";
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

/** What a roll-up reads of a criteria set. */
const rollupSetSelect = {
  id: true,
  code: true,
  name: true,
  nameEn: true,
  unitLevel: true,
  hasLevels: true,
  criteria: { select: { id: true, number: true, name: true, nameEn: true }, orderBy: { number: "asc" } },
} satisfies Prisma.CriteriaSetSelect;

/** Every criteria set, oldest first: a handful of rows of reference data. */
export const loadCriteriaSets = (db: Db) =>
  db.criteriaSet.findMany({ orderBy: { periodStart: "asc" }, select: rollupSetSelect });

/** Resolves and checks what a roll-up is about: a unit the actor may roll up, a valid period and the set. */
export async function resolveRollup(db: Db, actor: Actor, query: RollupQuery) {
  if (!PERIOD_PATTERN.test(query.period)) throw invalidFields({ period: ["validation.period"] });
  const { unit, scope, scopeWhere } = await loadRollupUnit(db, actor, query.unit);
  // Without a named set, the newest commune set covering the period (the order makes the choice stable).
  const set = await db.criteriaSet.findFirst({
    where: criteriaSetWhere(query.period, query.setCode),
    orderBy: { periodStart: "desc" },
    select: rollupSetSelect,
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

type Scope = { path: string; predecessors: string[] };
type CountedSet = { id: string; criteria: { number: number }[] };

/**
 * The units that count for a roll-up, as a subquery of ids: the subtree by its path (one branch
 * of the path index) and the predecessors merged in from outside it.
 */
const scopeIds = (scope: Scope) =>
  Prisma.sql`SELECT id FROM "OrgUnit" WHERE path LIKE ${subtreePattern(scope.path)} UNION SELECT unnest(${scope.predecessors}::text[])`;

type CountRow = {
  setId: string;
  period: string;
  met: number;
  units: number;
  metBy: number[];
  advancedBy: number[];
  modelBy: number[];
};

/**
 * The counts behind roll-ups, once the unit, sets and periods are settled and allowed: one query
 * over the units' period results (UnitPeriodResult, one row per unit and period, kept by the
 * database from the assessments), grouped by set, period and number met, with per criterion
 * number (1…highest) how many units meet it at each level. A province of thousands of communes,
 * or the whole country, is counted by the database from one row per unit rather than one per
 * assessment; a trend counts all its sets and periods in the same pass.
 */
async function countRows(db: Db, scope: Scope, sets: CountedSet[], periods: string[] | null): Promise<CountRow[]> {
  const highest = Math.max(0, ...sets.flatMap((set) => set.criteria.map((c) => c.number)));
  const bitCounts = (mask: string) =>
    Prisma.join(
      Array.from(
        { length: highest },
        (_, i) => Prisma.sql`count(*) FILTER (WHERE r.${Prisma.raw(`"${mask}"`)} & (1::bigint << ${i + 1}::int) <> 0)`,
      ),
    );
  if (!highest) return [];
  return db.$queryRaw<CountRow[]>`
    SELECT r."setId", r.period, r.met, count(*)::int AS units,
      ARRAY[${bitCounts("metMask")}]::int[] AS "metBy",
      ARRAY[${bitCounts("advancedMask")}]::int[] AS "advancedBy",
      ARRAY[${bitCounts("modelMask")}]::int[] AS "modelBy"
    FROM (${scopeIds(scope)}) s JOIN "UnitPeriodResult" r ON r."unitId" = s.id
    WHERE r."setId" = ANY(${sets.map((set) => set.id)})
      AND (${periods}::text[] IS NULL OR r.period = ANY(${periods}::text[]))
    GROUP BY r."setId", r.period, r.met`;
}

/** One set's counts for one period, from the rows of countRows. */
function countsOf(set: CountedSet, period: string, rows: CountRow[]) {
  const groups = rows.filter((row) => row.setId === set.id && row.period === period);
  const sum = (pick: (row: CountRow) => number) => groups.reduce((total, row) => total + pick(row), 0);
  const distribution = Array.from({ length: set.criteria.length + 1 }, (_, met) =>
    groups.filter((row) => Math.min(row.met, set.criteria.length) === met).reduce((n, row) => n + row.units, 0),
  );
  return {
    period,
    units: sum((row) => row.units),
    totalMet: sum((row) => row.met * row.units),
    distribution,
    byCriterion: set.criteria.map(({ number }) => ({
      met: sum((row) => row.metBy[number - 1]!),
      advanced: sum((row) => row.advancedBy[number - 1]!),
      model: sum((row) => row.modelBy[number - 1]!),
    })),
  };
}

type RollupSet = Awaited<ReturnType<typeof resolveRollup>>["set"];

/** A roll-up as the dashboard and reports show it, from the counts of one period. */
type RollupUnit = { id: string; code: string; name: string };

function rollupOf(unit: RollupUnit, set: RollupSet, counts: ReturnType<typeof countsOf>) {
  const { period, units, totalMet, distribution, byCriterion } = counts;
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    period,
    set: { code: set.code, name: set.name, nameEn: set.nameEn, hasLevels: set.hasLevels },
    units,
    criteria: set.criteria.map((criterion, i) => ({
      number: criterion.number,
      name: criterion.name,
      nameEn: criterion.nameEn,
      ...byCriterion[i]!,
      rate: percentOf(BigInt(byCriterion[i]!.met), BigInt(units)) ?? 0,
    })),
    allMet: distribution[set.criteria.length]!,
    averageMet: averageOf(totalMet, units),
    /** distribution[k] = units meeting exactly k criteria. */
    distribution,
  };
}

/**
 * The counts of one period's roll-up. (The national benchmark calls it with the whole country
 * as the scope: what a national view would count.)
 */
export async function countRollup(
  db: Db,
  { unit, set, period, scope }: Pick<Awaited<ReturnType<typeof resolveRollup>>, "unit" | "set" | "period" | "scope">,
) {
  return rollupOf(unit, set, countsOf(set, period, await countRows(db, scope, [set], [period])));
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
  const { set, period, scope } = await resolveRollup(db, actor, query);
  const wanted = (query.criteria ?? []).reduce((mask, n) => mask | (1n << BigInt(n)), 0n);
  const rows = await db.$queryRaw<{ id: string; code: string; name: string; metMask: bigint }[]>`
    SELECT u.id, u.code, u.name, r."metMask"
    FROM (${scopeIds(scope)}) s JOIN "UnitPeriodResult" r ON r."unitId" = s.id JOIN "OrgUnit" u ON u.id = s.id
    WHERE r."setId" = ${set.id} AND r.period = ${period}
      AND r."metMask" & ${wanted} = ${wanted}
      AND (${query.metCount ?? null}::int IS NULL OR r.met = ${query.metCount ?? null}::int)
    ORDER BY u.code`;
  const units = rows.map(({ metMask, ...unit }) => {
    const met = set.criteria.map((c) => c.number).filter((n) => (BigInt(metMask) >> BigInt(n)) & 1n);
    return { ...unit, met, metCount: met.length };
  });
  return { set: { code: set.code, criteria: set.criteria.length }, period, units };
}

/**
 * The record across periods: for each criteria set that has results beneath the unit
 * (predecessors of merged units included), the roll-up of every period, oldest first, all
 * counted in one query. Sets stay apart — 19 criteria of 2021–2025 are never averaged with 10
 * of 2026–2030.
 */
export async function criteriaTrend(db: Db, actor: Actor, input: { unitId: string }) {
  const [{ unit, scope }, sets] = await Promise.all([
    loadRollupUnit(db, actor, { id: input.unitId }),
    loadCriteriaSets(db),
  ]);
  return countTrend(db, { unit, scope, sets });
}

/** The trend's counts, once the unit is allowed. (The national benchmark counts the whole country with it.) */
export async function countTrend(db: Db, { unit, scope, sets }: { unit: RollupUnit; scope: Scope; sets: RollupSet[] }) {
  const rows = await countRows(db, scope, sets, null);
  return sets.flatMap((set) => {
    const periods = [...new Set(rows.filter((row) => row.setId === set.id).map((row) => row.period))].sort(
      (a, b) => periodOrder(a) - periodOrder(b),
    );
    if (!periods.length) return [];
    return [
      {
        set: { code: set.code, name: set.name, nameEn: set.nameEn, criteria: set.criteria.length },
        periods: periods.map((period) => {
          const { units, allMet, averageMet, criteria } = rollupOf(unit, set, countsOf(set, period, rows));
          return { period, units, allMet, averageMet, rates: criteria.map((r) => r.rate) };
        }),
      },
    ];
  });
}
