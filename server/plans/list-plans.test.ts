import { beforeAll, describe, expect, it } from "vitest";
import { buildActor, buildPlan, buildProgram, buildUnit, buildUnitTree } from "../../tests/factories";
import { getDb } from "../db/client";
import type { Role } from "../db/generated/client";
import type { Actor } from "../policies/actor";
import { can } from "../policies";
import { listPlans } from "./list-plans";

type Tree = Awaited<ReturnType<typeof buildUnitTree>>;

/**
 * The list's filter and total against the rule itself: for actors with one, several, nested and
 * no memberships, the listed plans are exactly those `can("plan.view")` allows, and the total is
 * exact on full pages, on the last (partial) page and past the end.
 */
describe("plan list", () => {
  let tree: Tree;
  let other: Tree;
  let program: Awaited<ReturnType<typeof buildProgram>>;
  let plans: {
    id: string;
    status: "draft" | "approved";
    issuingUnit: { path: string; level: Tree["province"]["level"] };
  }[];
  const actors: Record<string, Actor> = {};

  beforeAll(async () => {
    const db = getDb();
    tree = await buildUnitTree(db);
    other = await buildUnitTree(db);
    const districtAgency = await buildUnit(db, {
      level: "agency",
      parent: tree.district,
      name: "Phòng Giáo dục huyện",
    });
    program = await buildProgram(db);
    const author = await buildActor(db, "planner", [tree.province]);
    const units = [...Object.values(tree), districtAgency, ...Object.values(other)];
    plans = [];
    for (const unit of units) {
      for (const status of ["draft", "approved"] as const) {
        const plan = await buildPlan(db, { unit, program, author, status });
        plans.push({ id: plan.id, status, issuingUnit: { path: unit.path, level: unit.level } });
      }
    }
    const build = (role: Role, at: { id: string }[]) => buildActor(db, role, at);
    Object.assign(actors, {
      commune: await build("planner", [tree.commune]),
      school: await build("stakeholder", [tree.school]),
      agency: await build("planner", [tree.agency]),
      district: await build("leader", [tree.district]),
      province: await build("leader", [tree.province]),
      nested: await build("planner", [tree.commune, tree.district, tree.school]),
      twoCommunes: await build("planner", [tree.commune, tree.neighbour]),
      twoProvinces: await build("planner", [tree.school, other.commune]),
      nobody: await build("planner", []),
    });
  });

  it("lists exactly the plans that can() allows, whatever the memberships", async () => {
    for (const [name, actor] of Object.entries(actors)) {
      const expected = plans.filter((plan) => can(actor, "plan.view", plan)).map((plan) => plan.id);
      const { items, total } = await listPlans(getDb(), actor, { programId: program.id, pageSize: 100 });
      expect(items.map((plan) => plan.id).sort(), name).toEqual([...expected].sort());
      expect(total, name).toBe(expected.length);
    }
  });

  it("tells the exact total on full pages, on the last page and past the end", async () => {
    const actor = actors.province!;
    const all = plans.filter((plan) => can(actor, "plan.view", plan)).length;
    expect(all).toBeGreaterThan(5);
    const pageSize = 4;
    const pages = Math.ceil(all / pageSize);
    const seen = new Set<string>();
    for (let page = 1; page <= pages + 1; page++) {
      const result = await listPlans(getDb(), actor, { programId: program.id, page, pageSize });
      expect(result.total, `page ${page}`).toBe(all);
      expect(result.items, `page ${page}`).toHaveLength(
        page < pages ? pageSize : page === pages ? all - (pages - 1) * pageSize : 0,
      );
      for (const item of result.items) seen.add(item.id);
    }
    expect(seen.size).toBe(all);
    const none = await listPlans(getDb(), actor, { programId: program.id, status: "submitted" });
    expect(none).toMatchObject({ items: [], total: 0 });
  });
});
