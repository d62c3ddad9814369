import { performance } from "node:perf_hooks";
import { insertMany } from "../server/db/bulk-insert";
import { getDb } from "../server/db/client";
import type { AssessmentResult } from "../server/db/generated/client";
import { officialProvinces } from "../server/reference/official-provinces";
import { provinceTree } from "../server/reference/province-tree";
import { loadReferenceData } from "../server/reference/reference-data";
import {
  countRollup,
  countTrend,
  criteriaRollup,
  criteriaTrend,
  loadCriteriaSets,
} from "../server/rollups/criteria-rollup";
import { insertUnitTree } from "../server/setup/insert-unit-tree";
import { buildActor } from "../tests/factories";
import { type BenchRow, percentiles } from "./stats";

const OLD_PERIODS = ["2021", "2022", "2023", "2024", "2025"];
const NEW_PERIODS = ["2026", "2027", "2028", "2029", "2030"];
const RESULTS: AssessmentResult[] = ["met", "met", "met", "not_met", "advanced", "model"];

/**
 * The whole country from the official lists: 34 provinces with their 3,321 communes of today
 * and the tree of 30 June 2025 beneath them (about 700 districts and 10,000 communes, each
 * linked to the commune it became). Old communes are assessed on the 2021–2025 set (19
 * criteria) for 2021–2025, today's on the 2026–2030 set (10 criteria) for 2026–2030: ten
 * periods, about 1.1 million results. Measured: a province's roll-up of one period and its
 * trend over the ten, and the country's (the same counts over every unit: what a national view
 * would run, there being no national unit in the tree).
 */
export async function benchNationalRollup(runs = 30): Promise<BenchRow[]> {
  const db = getDb();
  await loadReferenceData(db);
  const provinces = officialProvinces();
  const units = provinces.flatMap((p) => provinceTree(p.code, { beforeReform: true }).units);
  await db.$transaction((tx) => insertUnitTree(tx, units), { timeout: 20 * 60_000 });
  // The national sets and the country's communes only: the benches before this one leave their
  // own provinces and sets in the database.
  const sets = await db.criteriaSet.findMany({
    where: { code: { in: ["NTM-XA-2021-2025", "NTM-XA-2026-2030"] } },
    include: { criteria: { orderBy: { number: "asc" } } },
  });
  const setOf = (period: string) => sets.find((s) => s.periodStart <= Number(period) && s.periodEnd >= Number(period))!;
  const communeCodes = units.filter((u) => u.level === "commune").map((u) => u.code);
  const communes = await db.orgUnit.findMany({
    where: { level: "commune", code: { in: communeCodes } },
    select: { id: true, validTo: true },
  });
  const old = communes.filter((c) => c.validTo !== null).map((c) => c.id);
  const today = communes.filter((c) => c.validTo === null).map((c) => c.id);

  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  let results = 0;
  for (const [unitIds, periods] of [
    [old, OLD_PERIODS],
    [today, NEW_PERIODS],
  ] as const) {
    for (const period of periods) {
      const set = setOf(period);
      const rows = unitIds.flatMap((unitId) =>
        set.criteria.map((c) => ({
          unitId,
          criterionId: c.id,
          period,
          result: RESULTS[Math.floor(random() * RESULTS.length)]!,
        })),
      );
      await db.$transaction(
        (tx) =>
          insertMany(
            tx,
            "CriterionAssessment",
            { unitId: "text", criterionId: "text", period: "text", result: '"AssessmentResult"' },
            rows,
            ["updatedAt"],
          ),
        { timeout: 10 * 60_000 },
      );
      results += rows.length;
    }
  }
  await db.$executeRawUnsafe(`VACUUM ANALYZE "CriterionAssessment"`);
  await db.$executeRawUnsafe(`VACUUM ANALYZE "OrgUnit"`);
  await db.$executeRawUnsafe(`VACUUM ANALYZE "UnitPeriodResult"`);

  const provinceUnits = await db.orgUnit.findMany({
    where: { code: { in: provinces.map((p) => p.code) } },
    select: { id: true, code: true, name: true, path: true, level: true },
  });
  const leader = await buildActor(db, "leader", provinceUnits);
  const periods = [...OLD_PERIODS, ...NEW_PERIODS];
  const time = async (run: (i: number) => Promise<unknown>) => {
    const timings: number[] = [];
    for (let i = 0; i < runs + 5; i++) {
      const start = performance.now();
      await run(i);
      if (i >= 5) timings.push(performance.now() - start);
    }
    return percentiles(timings);
  };
  const province = (i: number) => provinceUnits[i % provinceUnits.length]!;
  const periodOf = (i: number) => periods[i % periods.length]!;
  const provinceRollup = await time((i) =>
    criteriaRollup(db, leader, { unit: { id: province(i).id }, period: periodOf(i) }),
  );
  const provinceTrend = await time((i) => criteriaTrend(db, leader, { unitId: province(i).id }));
  const country = { id: "", code: "VN", name: "Cả nước", level: "province" as const, path: "/" };
  const countryRollup = await time((i) => {
    const set = setOf(periodOf(i));
    return countRollup(db, { unit: country, set, period: periodOf(i), scope: { path: "/", predecessors: [] } });
  });
  const allSets = await loadCriteriaSets(db);
  const countryTrend = await time(() =>
    countTrend(db, { unit: country, scope: { path: "/", predecessors: [] }, sets: allSets }),
  );
  const load = `${provinces.length} provinces, ${today.length} communes of today and ${old.length} of 30 June 2025, ${results.toLocaleString("en")} results over ${periods.length} periods`;
  const row = (what: string, goal: number, figures: ReturnType<typeof percentiles>): BenchRow => ({
    what,
    load,
    goal: `p95 ≤ ${goal} ms`,
    result: `p50 ${figures.p50} · p95 ${figures.p95} · p99 ${figures.p99} ms`,
    met: figures.p95 <= goal,
    figures,
  });
  return [
    row("national roll-up: a province, one period", 50, provinceRollup),
    row("national roll-up: a province's trend, ten periods", 50, provinceTrend),
    row("national roll-up: the country, one period", 200, countryRollup),
    row("national roll-up: the country's trend, ten periods", 200, countryTrend),
  ];
}
