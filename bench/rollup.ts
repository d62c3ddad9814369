import { performance } from "node:perf_hooks";
import { getDb } from "../server/db/client";
import type { AssessmentResult } from "../server/db/generated/client";
import { criteriaRollup } from "../server/rollups/criteria-rollup";
import { childPath } from "../server/policies/tree";
import { buildActor, buildUnit, uniqueTag } from "../tests/factories";
import { type BenchRow, percentiles } from "./stats";

const PERIODS = ["2026", "2027", "2028", "2029", "2030"];
const RESULTS: AssessmentResult[] = ["met", "met", "met", "not_met", "advanced", "model"];

/** A province of 3,321 communes, each assessed on 10 criteria for 5 periods; the roll-up a leader opens. */
export async function benchRollup(communes = 3321, runs = 40): Promise<BenchRow> {
  const db = getDb();
  const province = await buildUnit(db, { level: "province", name: "Tỉnh Đo Tải" });
  const code = `B${uniqueTag()}`;
  const set = await db.criteriaSet.create({
    data: {
      code,
      name: "Bộ đo tải",
      nameEn: "Bench set",
      unitLevel: "commune",
      periodStart: 2026,
      periodEnd: 2030,
      hasLevels: true,
      criteria: {
        create: Array.from({ length: 10 }, (_, i) => ({
          number: i + 1,
          name: `Tiêu chí ${i + 1}`,
          nameEn: `Criterion ${i + 1}`,
        })),
      },
    },
    include: { criteria: true },
  });
  const units = Array.from({ length: communes }, (_, i) => {
    const unitCode = `${code}-${String(i).padStart(5, "0")}`;
    return {
      code: unitCode,
      name: `Xã ${i}`,
      level: "commune" as const,
      parentId: province.id,
      path: childPath(province.path, unitCode),
      depth: 1,
    };
  });
  await db.orgUnit.createMany({ data: units });
  const ids = (await db.orgUnit.findMany({ where: { parentId: province.id }, select: { id: true } })).map((u) => u.id);
  let seed = 1;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (const period of PERIODS) {
    const rows = ids.flatMap((unitId) =>
      set.criteria.map((c) => ({
        unitId,
        criterionId: c.id,
        period,
        result: RESULTS[Math.floor(random() * RESULTS.length)]!,
      })),
    );
    for (let i = 0; i < rows.length; i += 5000)
      await db.criterionAssessment.createMany({ data: rows.slice(i, i + 5000) });
  }
  await db.$executeRawUnsafe(`ANALYZE "CriterionAssessment"`);
  await db.$executeRawUnsafe(`ANALYZE "UnitPeriodResult"`);
  const leader = await buildActor(db, "leader", [province]);
  const timings: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await criteriaRollup(db, leader, {
      unit: { id: province.id },
      period: PERIODS[i % PERIODS.length]!,
      setCode: code,
    });
    timings.push(performance.now() - start);
  }
  const figures = percentiles(timings.slice(5));
  return {
    what: "criteria roll-up for a province",
    load: `${communes} communes × 10 criteria × 5 periods`,
    goal: "p95 ≤ 150 ms",
    result: `p50 ${figures.p50} · p95 ${figures.p95} · p99 ${figures.p99} ms`,
    met: figures.p95 <= 150,
    figures,
  };
}
