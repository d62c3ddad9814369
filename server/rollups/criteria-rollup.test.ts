import { beforeAll, describe, expect, it } from "vitest";
import { buildActor, buildCriteriaSet, buildUnit, buildUnitTree } from "../../tests/factories";
import { getDb } from "../db/client";
import type { AssessmentResult } from "../db/generated/client";
import type { Actor } from "../policies/actor";
import { listRollupPeriods } from "./rollup-periods";
import { averageOf, criteriaRollup, criteriaTrend, rollupUnits } from "./criteria-rollup";

/**
 * Counts worked out by hand. Three communes of the district are assessed in 2025 on a set of
 * three criteria (a fourth only in 2024; a commune of another district is outside):
 *
 *            TC1        TC2   TC3        met
 *   A        met        met   met        3
 *   B        advanced   met   not met    2
 *   C        not met    met   model      2
 *
 * TC1 2/3 = 66,67% (1 advanced) · TC2 3/3 = 100% · TC3 2/3 = 66,67% (1 model);
 * whole set: 1 commune; average (3 + 2 + 2) / 3 = 2,33; by count met: 0, 0, 2, 1.
 */
describe("criteria roll-up", () => {
  const db = () => getDb();
  let tree: Awaited<ReturnType<typeof buildUnitTree>>;
  let set: Awaited<ReturnType<typeof buildCriteriaSet>>;
  let leader: Actor;
  let communeLeader: Actor;
  const communes: Record<string, { id: string; code: string }> = {};

  beforeAll(async () => {
    tree = await buildUnitTree(db());
    set = await buildCriteriaSet(db());
    leader = await buildActor(db(), "leader", [tree.province]);
    communeLeader = await buildActor(db(), "leader", [tree.neighbour]);
    for (const name of ["A", "B", "C", "D"])
      communes[name] = await buildUnit(db(), { level: "commune", parent: tree.district, name: `Xã ${name}` });
    const otherDistrict = await buildUnit(db(), { level: "district", parent: tree.province });
    communes.E = await buildUnit(db(), { level: "commune", parent: otherDistrict, name: "Xã E" });
    const grid: [string, string, AssessmentResult[]][] = [
      ["A", "2025", ["met", "met", "met"]],
      ["B", "2025", ["advanced", "met", "not_met"]],
      ["C", "2025", ["not_met", "met", "model"]],
      ["D", "2024", ["met", "met", "met"]],
      ["E", "2025", ["met", "met", "met"]],
    ];
    await db().criterionAssessment.createMany({
      data: grid.flatMap(([name, period, results]) =>
        results.map((result, i) => ({ unitId: communes[name]!.id, criterionId: set.criteria[i]!.id, period, result })),
      ),
    });
  });

  it("counts met, advanced and model per criterion, with rates from the counts", async () => {
    const rollup = await criteriaRollup(db(), leader, {
      unit: { code: tree.district.code },
      period: "2025",
      setCode: set.code,
    });
    expect(rollup.units).toBe(3);
    expect(
      rollup.criteria.map(({ number, met, advanced, model, rate }) => ({ number, met, advanced, model, rate })),
    ).toEqual([
      { number: 1, met: 2, advanced: 1, model: 0, rate: 66.67 },
      { number: 2, met: 3, advanced: 0, model: 0, rate: 100 },
      { number: 3, met: 2, advanced: 0, model: 1, rate: 66.67 },
    ]);
    expect(rollup).toMatchObject({ allMet: 1, averageMet: 2.33, distribution: [0, 0, 2, 1] });
  });

  it("counts only the period asked for and only units beneath the unit", async () => {
    expect(
      (await criteriaRollup(db(), leader, { unit: { id: tree.district.id }, period: "2024", setCode: set.code })).units,
    ).toBe(1);
    expect(
      (await criteriaRollup(db(), leader, { unit: { id: tree.province.id }, period: "2025", setCode: set.code })).units,
    ).toBe(4);
    expect(
      (await criteriaRollup(db(), leader, { unit: { id: tree.province.id }, period: "2025-H1", setCode: set.code }))
        .units,
    ).toBe(0);
  });

  it("drills down to the units behind a figure and a combination of criteria", async () => {
    const query = { unit: { id: tree.district.id }, period: "2025", setCode: set.code };
    const names = async (extra: { criteria?: number[]; metCount?: number }) =>
      (await rollupUnits(db(), leader, { ...query, ...extra })).units.map((u) => u.name).sort();
    expect(await names({ criteria: [1, 3] })).toEqual(["Xã A"]);
    expect(await names({ criteria: [2] })).toEqual(["Xã A", "Xã B", "Xã C"]);
    expect(await names({ metCount: 2 })).toEqual(["Xã B", "Xã C"]);
  });

  it("refuses a unit the actor cannot see, a bad period and an unknown set", async () => {
    await expect(
      criteriaRollup(db(), communeLeader, { unit: { id: tree.neighbour.id }, period: "2025", setCode: set.code }),
    ).resolves.toMatchObject({ units: 0 });
    await expect(
      criteriaRollup(db(), communeLeader, { unit: { id: tree.district.id }, period: "2025", setCode: set.code }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      criteriaRollup(db(), communeLeader, { unit: { id: tree.commune.id }, period: "2025", setCode: set.code }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      criteriaRollup(db(), leader, { unit: { id: tree.district.id }, period: "2025-Q1", setCode: set.code }),
    ).rejects.toMatchObject({ fieldErrors: { period: ["validation.period"] } });
    await expect(
      criteriaRollup(db(), leader, { unit: { id: tree.district.id }, period: "2025", setCode: "KHONG-CO" }),
    ).rejects.toMatchObject({ fieldErrors: { setCode: ["validation.setUnknown"] } });
  });

  it("attributes merged communes' records to the commune they became, and keeps criteria sets apart", async () => {
    const merged = await buildUnit(db(), { level: "commune", parent: tree.province, name: "Xã Mới (sau sáp nhập)" });
    await db().orgUnit.updateMany({
      where: { id: { in: [communes.A!.id, communes.D!.id] } },
      data: { mergedIntoId: merged.id },
    });
    const newSet = await db().criteriaSet.create({
      data: {
        code: `TC2026-${merged.code}`,
        name: "Bộ 2026–2030",
        nameEn: "Set 2026–2030",
        unitLevel: "commune",
        periodStart: 2026,
        periodEnd: 2030,
        criteria: { create: [{ number: 1, name: "Quy hoạch", nameEn: "Planning" }] },
      },
      include: { criteria: true },
    });
    await db().criterionAssessment.create({
      data: { unitId: merged.id, criterionId: newSet.criteria[0]!.id, period: "2026", result: "met" },
    });

    const rollup = await criteriaRollup(db(), leader, { unit: { id: merged.id }, period: "2025", setCode: set.code });
    expect(rollup).toMatchObject({ units: 1, allMet: 1 });
    const trend = await criteriaTrend(db(), leader, { unitId: merged.id });
    expect(trend.map((t) => [t.set.code, t.periods.map((p) => [p.period, p.units, p.averageMet])])).toEqual([
      [
        set.code,
        [
          ["2024", 1, 3],
          ["2025", 1, 3],
        ],
      ],
      [newSet.code, [["2026", 1, 1]]],
    ]);
    // The period picker and the drill-down count the same units as the figures.
    expect((await listRollupPeriods(db(), leader, merged.id)).periods).toEqual(["2026", "2025", "2024"]);
    expect(
      (await rollupUnits(db(), leader, { unit: { id: merged.id }, period: "2025", setCode: set.code })).units.map(
        (u) => u.id,
      ),
    ).toEqual(expect.arrayContaining([communes.A!.id]));
    // The district's own record is unchanged: the old communes still sit beneath it.
    expect(
      (await criteriaRollup(db(), leader, { unit: { id: tree.district.id }, period: "2025", setCode: set.code })).units,
    ).toBe(3);
  });

  it("follows every change to the results, whoever writes them (the database keeps the units' period results)", async () => {
    const unit = await buildUnit(db(), { level: "commune", parent: tree.district, name: "Xã Đổi" });
    const query = { unit: { id: unit.id }, period: "2023", setCode: set.code };
    await db().criterionAssessment.createMany({
      data: set.criteria.map((c) => ({ unitId: unit.id, criterionId: c.id, period: "2023", result: "met" as const })),
    });
    expect(await criteriaRollup(db(), leader, query)).toMatchObject({ units: 1, allMet: 1 });
    await db().criterionAssessment.updateMany({
      where: { unitId: unit.id, criterionId: set.criteria[0]!.id },
      data: { result: "not_met" },
    });
    expect(await criteriaRollup(db(), leader, query)).toMatchObject({
      units: 1,
      allMet: 0,
      distribution: [0, 0, 1, 0],
    });
    await db().criterionAssessment.deleteMany({ where: { unitId: unit.id } });
    expect(await criteriaRollup(db(), leader, query)).toMatchObject({ units: 0, allMet: 0 });
  });

  it("averages with two decimals, half up", () => {
    expect(averageOf(1312, 100)).toBe(13.12);
    expect(averageOf(7, 3)).toBe(2.33);
    expect(averageOf(5, 8)).toBe(0.63);
    expect(averageOf(0, 0)).toBe(0);
  });
});
