import { beforeAll, describe, expect, it } from "vitest";
import { buildActor, buildPlan, buildProgram, buildUnit, buildUnitTree } from "../../tests/factories";
import type { PlanStatus, Role } from "../db/generated/client";
import { getDb } from "../db/client";
import { can, planViewersWhere } from "../policies";
import type { Actor } from "../policies/actor";
import { loadPlanAccess } from "./load-visible-plan";
import { planViewers } from "./plan-viewers";

/**
 * The users a mention may reach are read from the user's side of "plan.view": the filter must
 * agree with `can()` for every user and every plan, or the lookup would offer people a mention
 * does not notify (or hide people it does).
 */
describe("the users who may view a plan", () => {
  const db = getDb();
  let users: Actor[];
  let plans: string[];

  beforeAll(async () => {
    const tree = await buildUnitTree(db);
    const districtDepartment = await buildUnit(db, { level: "agency", parent: tree.district, name: "Phòng GDĐT" });
    const units = [...Object.values(tree), districtDepartment];
    const program = await buildProgram(db);
    users = [];
    for (const unit of units)
      for (const role of ["planner", "leader", "stakeholder", "admin"] as Role[])
        users.push(await buildActor(db, role, [unit]));
    // Someone with roles at two places, and someone with none.
    users.push(await buildActor(db, "stakeholder", [tree.neighbour, districtDepartment]));
    users.push(await buildActor(db, "planner", []));
    plans = [];
    for (const unit of units)
      for (const status of ["draft", "submitted", "approved"] as PlanStatus[])
        plans.push((await buildPlan(db, { unit, program, author: users[0]!, status })).id);
  });

  it("agree with can('plan.view') for every user and every plan", async () => {
    const ids = users.map((user) => user.userId);
    let viewers = 0;
    for (const planId of plans) {
      const plan = (await loadPlanAccess(db, planId))!;
      const found = await db.user.findMany({
        where: { AND: [{ id: { in: ids } }, planViewersWhere(plan)] },
        select: { id: true },
      });
      const expected = users.filter((user) => can(user, "plan.view", plan)).map((user) => user.userId);
      expect(found.map((user) => user.id).sort(), `${plan.issuingUnit.path} ${plan.status}`).toEqual(expected.sort());
      viewers += expected.length;
    }
    // The grid has both answers in it, not only "everyone" or "no one".
    expect(viewers).toBeGreaterThan(plans.length);
    expect(viewers).toBeLessThan(plans.length * users.length);
  });

  it("leave out disabled accounts", async () => {
    const plan = (await loadPlanAccess(db, plans[0]!))!;
    const someone = users.find((user) => can(user, "plan.view", plan))!;
    await db.user.update({ where: { id: someone.userId }, data: { disabledAt: new Date() } });
    const found = await planViewers(db, plan, { id: { in: users.map((user) => user.userId) } });
    expect(found.map((user) => user.userId)).not.toContain(someone.userId);
    expect(found.length).toBe(users.filter((user) => can(user, "plan.view", plan)).length - 1);
  });
});
