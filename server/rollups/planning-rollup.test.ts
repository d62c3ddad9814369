import { beforeAll, describe, expect, it } from "vitest";
import { buildActor, buildPlan, buildPlanningItems, buildProgram, buildUnitTree } from "../../tests/factories";
import { getDb } from "../db/client";
import type { Actor } from "../policies/actor";
import { budgetLinesOf, planningRollup } from "./planning-rollup";

/**
 * A year's planning figures count what units have committed to: approved plans. A commune has
 * one approved plan and one draft with the same records; the district leader's roll-up counts
 * the first, says the second is left out, and counts both only when asked.
 */
describe("planning roll-up", () => {
  let leader: Actor;
  let unitId: string;

  beforeAll(async () => {
    const db = getDb();
    const tree = await buildUnitTree(db);
    const program = await buildProgram(db);
    const author = await buildActor(db, "planner", [tree.commune]);
    for (const status of ["approved", "draft"] as const)
      await buildPlanningItems(db, await buildPlan(db, { unit: tree.commune, program, author, status }), tree.commune);
    leader = await buildActor(db, "leader", [tree.district]);
    unitId = tree.district.id;
  });

  it("counts approved plans only, and says how many it leaves out", async () => {
    const figures = await planningRollup(getDb(), leader, { unitId, year: 2025 });
    expect(figures).toMatchObject({ includesUnapproved: false, unapprovedPlans: 1 });
    expect(figures.budget.total).toMatchObject({ allocated: 20_586_000_000n, disbursed: 17_082_000_000n });
    expect(figures.milestones.due).toBe(1);
    expect(figures.shortages).toMatchObject([{ category: "boarding_rooms", open: 12, estimatedCost: 3_600_000_000n }]);
    expect(figures.targets).toHaveLength(1);
    expect(await budgetLinesOf(getDb(), leader, { unitId, year: 2025, source: "central_budget" })).toHaveLength(1);
  });

  it("adds the plans not yet approved when asked", async () => {
    const query = { unitId, year: 2025, includeUnapproved: true };
    const figures = await planningRollup(getDb(), leader, query);
    expect(figures).toMatchObject({ includesUnapproved: true, unapprovedPlans: 1 });
    expect(figures.budget.total).toMatchObject({ allocated: 41_172_000_000n, disbursed: 34_164_000_000n });
    expect(figures.milestones.due).toBe(2);
    expect(figures.shortages).toMatchObject([{ open: 24, estimatedCost: 7_200_000_000n }]);
    expect(figures.targets).toHaveLength(2);
    expect(await budgetLinesOf(getDb(), leader, { ...query, source: "central_budget" })).toHaveLength(2);
  });
});
