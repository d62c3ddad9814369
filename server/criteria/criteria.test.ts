import { describe, expect, it } from "vitest";
import { refusal } from "../../tests/refusal";
import { buildActor, buildCriteriaSet, buildUnitTree, uniqueTag } from "../../tests/factories";
import { createCaller } from "../api/root";
import { getDb } from "../db/client";
import type { Actor } from "../policies/actor";

/**
 * The national criteria sets (admins complete them) and the assessments of units against
 * them (planners record them), through the tRPC caller on a real database.
 */

const as = (actor: Actor) => createCaller({ db: getDb(), actor });

/** A unit tree, a commune criteria set with three criteria and three groups, and the commune's planner. */
async function setup() {
  const db = getDb();
  const tree = await buildUnitTree(db);
  const set = await buildCriteriaSet(db);
  const planner = await buildActor(db, "planner", [tree.commune], "Cán bộ nông thôn mới xã Một");
  const [planning, transport, irrigation] = set.criteria.map((c) => c.id) as [string, string, string];
  return { db, tree, set, planner, caller: as(planner), criteria: { planning, transport, irrigation } };
}

const assessment = (
  unitId: string,
  criterionId: string,
  period: string,
  result: "not_met" | "met" | "advanced" | "model",
  patch: Record<string, unknown> = {},
) => ({
  unitId,
  criterionId,
  period,
  result,
  note: "",
  evidenceUrl: "",
  ...patch,
});

const assessmentCount = (unitId: string) => getDb().criterionAssessment.count({ where: { unitId } });

describe("criteria sets", () => {
  it("lets an admin name a criterion in both languages and add the next one", async () => {
    const { db, tree, set, criteria } = await setup();
    const admin = await buildActor(db, "admin", [tree.province], "Quản trị Văn phòng Điều phối tỉnh");

    const updated = await as(admin).criteria.updateCriterion({
      id: criteria.planning,
      name: "Quy hoạch",
      nameEn: "Planning",
      indicatorCount: "2",
    });
    expect(updated).toEqual({
      id: criteria.planning,
      number: 1,
      name: "Quy hoạch",
      nameEn: "Planning",
      indicatorCount: 2,
    });
    const added = await as(admin).criteria.addCriterion({
      setId: set.id,
      name: "Giao thông",
      nameEn: "Transport",
      indicatorCount: "",
    });
    expect(added).toMatchObject({ number: 4, name: "Giao thông", nameEn: "Transport", indicatorCount: null });

    const listed = (await as(admin).criteria.sets()).sets.find((s) => s.id === set.id)!;
    expect(listed.criteria.map((c) => [c.number, c.name])).toEqual([
      [1, "Quy hoạch"],
      [2, "Tiêu chí 2"],
      [3, "Tiêu chí 3"],
      [4, "Giao thông"],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: criteria.planning, action: "criterion.update" },
    });
    expect(audit).toMatchObject({
      actorId: admin.userId,
      before: { name: "Tiêu chí 1", indicatorCount: null },
      after: { name: "Quy hoạch", indicatorCount: 2 },
    });
  });

  it("does not let a planner change the national sets", async () => {
    const { db, set, caller, criteria } = await setup();
    await expect(
      caller.criteria.updateCriterion({
        id: criteria.planning,
        name: "Quy hoạch",
        nameEn: "Planning",
        indicatorCount: 2,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      caller.criteria.addCriterion({ setId: set.id, name: "Giao thông", nameEn: "Transport", indicatorCount: "" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const criteriaNow = await db.criterion.findMany({ where: { setId: set.id }, orderBy: { number: "asc" } });
    expect(criteriaNow.map((c) => c.name)).toEqual(["Tiêu chí 1", "Tiêu chí 2", "Tiêu chí 3"]);
  });
});

describe("assessments", () => {
  it("records a commune's results per period and shows the latest period unless another is chosen", async () => {
    const { db, tree, set, caller, criteria } = await setup();
    const commune = tree.commune.id;
    await caller.criteria.assess(
      assessment(commune, criteria.planning, "2024-h1", "met", {
        evidenceUrl: "https://xamot.gov.vn/quy-hoach-chung.pdf",
      }),
    );
    await caller.criteria.assess(
      assessment(commune, criteria.transport, "2024-H1", "not_met", {
        note: "Còn 2,3 km đường trục thôn chưa cứng hóa",
      }),
    );
    await caller.criteria.assess(assessment(commune, criteria.planning, "2025", "met"));
    await caller.criteria.assess(assessment(commune, criteria.transport, "2025", "advanced"));
    await caller.criteria.assess(assessment(commune, criteria.irrigation, "2025", "not_met"));

    const latest = (await caller.criteria.unitStatus({ unitId: commune })).sets.find((s) => s.id === set.id)!;
    expect(latest).toMatchObject({ periods: ["2025", "2024-H1"], period: "2025", met: 2 });
    expect(latest.criteria.map((c) => c.assessment?.result ?? null)).toEqual(["met", "advanced", "not_met"]);

    const firstHalf = (await caller.criteria.unitStatus({ unitId: commune, period: "2024-H1" })).sets.find(
      (s) => s.id === set.id,
    )!;
    expect(firstHalf).toMatchObject({ period: "2024-H1", met: 1 });
    expect(firstHalf.criteria.map((c) => c.assessment?.result ?? null)).toEqual(["met", "not_met", null]);
    expect(firstHalf.criteria[0]!.assessment?.evidenceUrl).toBe("https://xamot.gov.vn/quy-hoach-chung.pdf");

    // Assessing the same period again corrects it.
    await caller.criteria.assess(
      assessment(commune, criteria.irrigation, "2025", "met", { note: "Đã nghiệm thu kênh mương nội đồng" }),
    );
    expect(await db.criterionAssessment.count({ where: { unitId: commune, criterionId: criteria.irrigation } })).toBe(
      1,
    );
    const corrected = (await caller.criteria.unitStatus({ unitId: commune })).sets.find((s) => s.id === set.id)!;
    expect(corrected).toMatchObject({ period: "2025", met: 3 });
    expect(corrected.criteria[2]!.assessment).toMatchObject({
      result: "met",
      note: "Đã nghiệm thu kênh mương nội đồng",
    });
    expect(
      await db.auditEvent.count({
        where: { entityType: "CriterionAssessment", action: "assessment.update", actorId: (await caller.me()).userId },
      }),
    ).toBe(1);
  });

  it("refuses assessing a district against a commune set", async () => {
    const { db, tree, criteria } = await setup();
    const districtPlanner = await buildActor(db, "planner", [tree.district], "Cán bộ Phòng Nông nghiệp huyện");
    expect(
      await refusal(
        as(districtPlanner).criteria.assess(assessment(tree.district.id, criteria.planning, "2025", "met")),
      ),
    ).toEqual({
      code: "BAD_REQUEST",
      fieldErrors: { criterionId: ["validation.setLevel"] },
    });
    expect(await assessmentCount(tree.district.id)).toBe(0);
  });

  it("refuses the advanced level on a set without levels", async () => {
    const { db, tree, caller } = await setup();
    const code = `TC-${uniqueTag()}`;
    const flat = await db.criteriaSet.create({
      data: {
        code,
        name: `Bộ tiêu chí xã an toàn khu ${code}`,
        nameEn: `Safe zone criteria ${code}`,
        unitLevel: "commune",
        periodStart: 2026,
        periodEnd: 2030,
        criteria: { create: [{ number: 1, name: "An ninh trật tự", nameEn: "Public order" }] },
      },
      include: { criteria: true },
    });
    expect(flat.hasLevels).toBe(false);

    expect(
      await refusal(caller.criteria.assess(assessment(tree.commune.id, flat.criteria[0]!.id, "2026", "advanced"))),
    ).toEqual({
      code: "BAD_REQUEST",
      fieldErrors: { result: ["validation.noLevels"] },
    });
    expect(await assessmentCount(tree.commune.id)).toBe(0);
    await caller.criteria.assess(assessment(tree.commune.id, flat.criteria[0]!.id, "2026", "met"));
    expect(await assessmentCount(tree.commune.id)).toBe(1);
  });

  it("puts a commune in one of the set's groups, not beyond them", async () => {
    const { db, tree, set, caller } = await setup();
    expect(await refusal(caller.criteria.setGroup({ unitId: tree.commune.id, setId: set.id, group: 4 }))).toEqual({
      code: "BAD_REQUEST",
      fieldErrors: { group: ["validation.group"] },
    });
    expect(await db.unitCriteriaGroup.count({ where: { unitId: tree.commune.id } })).toBe(0);

    await caller.criteria.setGroup({ unitId: tree.commune.id, setId: set.id, group: "2" });
    expect(
      (await caller.criteria.unitStatus({ unitId: tree.commune.id })).sets.find((s) => s.id === set.id)!.group,
    ).toBe(2);
  });

  it("refuses evidence links that are not web addresses", async () => {
    const { tree, caller, criteria } = await setup();
    expect(
      await refusal(
        caller.criteria.assess(
          assessment(tree.commune.id, criteria.planning, "2025", "met", { evidenceUrl: "javascript:alert(1)" }),
        ),
      ),
    ).toEqual({
      code: "BAD_REQUEST",
      fieldErrors: { evidenceUrl: ["validation.url"] },
    });
    expect(await assessmentCount(tree.commune.id)).toBe(0);
  });

  it("lets stakeholders read but not assess, and hides the neighbouring commune", async () => {
    const { db, tree, set, caller, criteria } = await setup();
    const farmers = as(await buildActor(db, "stakeholder", [tree.commune], "Hội Nông dân xã Một"));

    await expect(
      farmers.criteria.assess(assessment(tree.commune.id, criteria.planning, "2025", "met")),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(farmers.criteria.setGroup({ unitId: tree.commune.id, setId: set.id, group: 1 })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    expect((await farmers.criteria.unitStatus({ unitId: tree.commune.id })).canAssess).toBe(false);

    await expect(
      caller.criteria.assess(assessment(tree.neighbour.id, criteria.planning, "2025", "met")),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.criteria.unitStatus({ unitId: tree.neighbour.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await assessmentCount(tree.commune.id)).toBe(0);
    expect(await assessmentCount(tree.neighbour.id)).toBe(0);
  });
});
