import { describe, expect, it } from "vitest";
import type { Role, UnitLevel } from "../db/generated/client";
import type { Actor } from "./actor";
import { can } from "./index";
import { parentPath, pathAndAncestors } from "./tree";

const actorAt = (role: Role, unitPath: string, unitLevel: UnitLevel = "commune"): Actor => ({
  userId: "u",
  name: "Thử",
  email: "thu@test",
  memberships: [{ role, unitId: unitPath, unitCode: unitPath, unitName: unitPath, unitLevel, unitPath }],
});
const unit = (path: string, level: UnitLevel = "commune") => ({ path, level });
const plan = (path: string, level: UnitLevel = "commune", status: "draft" | "approved" = "draft") => ({
  status,
  issuingUnit: unit(path, level),
});

describe("unit paths", () => {
  it("walks up the tree", () => {
    expect(parentPath("/11/099/03180/")).toBe("/11/099/");
    expect(pathAndAncestors("/11/099/03180/")).toEqual(["/11/", "/11/099/", "/11/099/03180/"]);
  });
});

describe("policies", () => {
  const communePlanner = actorAt("planner", "/11/099/03180/");

  it("lets rights flow down the tree, not sideways", () => {
    expect(can(communePlanner, "plan.view", plan("/11/099/03180/"))).toBe(true);
    expect(can(communePlanner, "plan.view", plan("/11/099/03180/03180-THCS/", "school"))).toBe(true);
    expect(can(communePlanner, "plan.view", plan("/11/099/03185/"))).toBe(false);
    expect(can(actorAt("leader", "/11/", "province"), "plan.view", plan("/11/099/03185/"))).toBe(true);
  });

  it("shows plans from above once approved: ancestors and their departments", () => {
    const approved = (path: string, level: UnitLevel) => plan(path, level, "approved");
    expect(can(communePlanner, "plan.view", approved("/11/", "province"))).toBe(true);
    expect(can(communePlanner, "plan.view", approved("/11/11-SGDDT/", "agency"))).toBe(true);
    expect(can(communePlanner, "plan.view", approved("/11/099/099-PGDDT/", "agency"))).toBe(true);
    expect(can(communePlanner, "plan.view", approved("/11/100/100-PGDDT/", "agency"))).toBe(false);
    expect(can(communePlanner, "plan.update", approved("/11/11-SGDDT/", "agency"))).toBe(false);
  });

  it("keeps a level's drafts among that level: its departments see them, the units beneath do not", () => {
    for (const [path, level] of [
      ["/11/", "province"],
      ["/11/099/", "district"],
      ["/11/099/099-PGDDT/", "agency"],
    ] as const)
      expect(can(communePlanner, "plan.view", plan(path, level)), path).toBe(false);
    const districtDepartment = actorAt("planner", "/11/099/099-PGDDT/", "agency");
    expect(can(districtDepartment, "plan.view", plan("/11/099/", "district"))).toBe(true);
    expect(can(districtDepartment, "plan.view", plan("/11/099/099-TCKH/", "agency"))).toBe(true);
    expect(can(districtDepartment, "plan.view", plan("/11/", "province"))).toBe(false);
    expect(can(districtDepartment, "plan.view", plan("/11/100/", "district"))).toBe(false);
    expect(can(actorAt("leader", "/11/099/", "district"), "plan.view", plan("/11/099/099-PGDDT/", "agency"))).toBe(
      true,
    );
  });

  it("lets planners and admins write, and only drafts and returned plans", () => {
    expect(can(communePlanner, "plan.update", plan("/11/099/03180/"))).toBe(true);
    expect(can(communePlanner, "plan.update", plan("/11/099/03180/", "commune", "approved"))).toBe(false);
    expect(can(actorAt("leader", "/11/099/03180/"), "plan.update", plan("/11/099/03180/"))).toBe(false);
    expect(can(actorAt("stakeholder", "/11/099/", "district"), "plan.create", unit("/11/099/03180/"))).toBe(false);
    expect(can(actorAt("admin", "/11/", "province"), "plan.create", unit("/11/099/03180/"))).toBe(true);
  });

  it("does not confuse units whose codes share a prefix", () => {
    expect(can(actorAt("planner", "/11/09/"), "plan.view", plan("/11/099/"))).toBe(false);
  });
});

describe("suggesting", () => {
  const submitted = {
    status: "submitted" as const,
    issuingUnit: unit("/11/099/03180/"),
    submittedById: "planner",
    reviewUnit: { path: "/11/099/" },
  };
  const districtLeader = actorAt("leader", "/11/099/", "district");

  it("is for the reviewers of a submitted plan, while it waits for them", () => {
    expect(can(districtLeader, "plan.suggest", submitted)).toBe(true);
    expect(can(districtLeader, "plan.update", submitted)).toBe(false);
    expect(can(districtLeader, "plan.suggest", { ...submitted, status: "returned" })).toBe(false);
    expect(can(actorAt("leader", "/11/", "province"), "plan.suggest", submitted)).toBe(false);
    expect(can(actorAt("stakeholder", "/11/099/", "district"), "plan.suggest", submitted)).toBe(false);
    expect(can(actorAt("planner", "/11/099/03180/"), "plan.suggest", submitted)).toBe(false);
  });
});
