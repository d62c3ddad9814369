import { beforeAll, describe, expect, it } from "vitest";
import { buildActor, buildPlan, buildPlanningItems, buildProgram, buildUnitTree } from "../../tests/factories";
import { getDb } from "../db/client";
import type { Actor } from "../policies/actor";
import { milestoneTimeline } from "./milestone-timeline";

/**
 * A district leader follows the milestones of the communes' approved plans in one view: the
 * neighbour's overdue milestone comes first, each milestone carries its money and the shortage
 * it closes, and the filters narrow by status; a commune's planner may not look at the district.
 */
describe("milestone timeline", () => {
  let leader: Actor;
  let planner: Actor;
  let tree: Awaited<ReturnType<typeof buildUnitTree>>;

  beforeAll(async () => {
    const db = getDb();
    tree = await buildUnitTree(db);
    const program = await buildProgram(db);
    planner = await buildActor(db, "planner", [tree.commune]);
    const neighbourPlanner = await buildActor(db, "planner", [tree.neighbour]);
    // On time: due in the year, done.
    const onTime = await buildPlan(db, { unit: tree.commune, program, author: planner, status: "approved" });
    const { milestone } = await buildPlanningItems(db, onTime, tree.commune);
    await db.milestone.update({ where: { id: milestone.id }, data: { status: "done" } });
    // Overdue: the neighbour's, still in progress past its date (2025-08-31).
    const late = await buildPlan(db, { unit: tree.neighbour, program, author: neighbourPlanner, status: "approved" });
    const items = await buildPlanningItems(db, late, tree.neighbour);
    await db.milestone.update({ where: { id: items.milestone.id }, data: { status: "in_progress" } });
    // A draft's milestone counts only when asked.
    await buildPlanningItems(db, await buildPlan(db, { unit: tree.commune, program, author: planner }), tree.commune);
    leader = await buildActor(db, "leader", [tree.district]);
  });

  it("groups by unit and plan, overdue first, with money and shortages", async () => {
    const timeline = await milestoneTimeline(getDb(), leader, { unitId: tree.district.id, year: 2025 });
    expect(timeline).toMatchObject({ total: 2, shown: 2, unapprovedPlans: 1, includesUnapproved: false });
    expect(timeline.groups.map((g) => [g.unit.name, g.overdue])).toEqual([
      ["Xã Hai", 1],
      ["Xã Một", 0],
    ]);
    const [late] = timeline.groups[0]!.plans[0]!.milestones;
    expect(late).toMatchObject({ title: "Khởi công nhà bán trú", overdue: true, status: "in_progress" });
    expect(late!.money).toMatchObject({ allocated: 20_586_000_000n, disbursed: 17_082_000_000n });
    expect(late!.shortages).toMatchObject([{ category: "boarding_rooms", quantity: 12, unit: { name: "Xã Hai" } }]);
  });

  it("filters by status, by year and to the approved plans unless asked", async () => {
    const query = { unitId: tree.district.id, year: 2025 };
    const overdue = await milestoneTimeline(getDb(), leader, { ...query, status: "overdue" });
    expect(overdue.groups.map((g) => g.unit.name)).toEqual(["Xã Hai"]);
    const done = await milestoneTimeline(getDb(), leader, { ...query, status: "done" });
    expect(done.groups.map((g) => g.unit.name)).toEqual(["Xã Một"]);
    expect((await milestoneTimeline(getDb(), leader, { ...query, year: 2024 })).total).toBe(0);
    expect((await milestoneTimeline(getDb(), leader, { ...query, includeUnapproved: true })).total).toBe(3);
    // One unit only: the commune's plans.
    const commune = await milestoneTimeline(getDb(), leader, { ...query, unitId: tree.commune.id });
    expect(commune.groups.map((g) => g.unit.name)).toEqual(["Xã Một"]);
  });

  it("refuses a unit the actor may not roll up", async () => {
    // A commune sees its district but does not look into the other communes' plans.
    await expect(milestoneTimeline(getDb(), planner, { unitId: tree.district.id, year: 2025 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
