import { describe, expect, it } from "vitest";
import { createIsolatedDatabase } from "../../tests/isolated-database";
import { createDb, getDb } from "../db/client";
import { verifyCredentials } from "../auth/sign-in";
import { insertUnitTree } from "../setup/insert-unit-tree";
import { seedDemoOnStart } from "./demo-on-start";
import { demoPassword, seedDemo } from "./seed-demo";

describe("demo seed", () => {
  it("seeds the real Điện Biên once and changes nothing when run again", async () => {
    const db = getDb();
    const first = await seedDemo(db);
    const second = await seedDemo(db);
    expect(second.created).toBe(0);
    expect(first.created).toBeGreaterThan(200);
    const province = await db.orgUnit.findUniqueOrThrow({ where: { code: "11" } });
    // The official lists: 45 communes since 1 July 2025, 129 until then, each linked to the one it became.
    const communes = (where: object) =>
      db.orgUnit.count({ where: { level: "commune", path: { startsWith: province.path }, ...where } });
    expect(await communes({ validFrom: new Date("2025-07-01") })).toBe(45);
    expect(await communes({ validTo: new Date("2025-06-30"), mergedInto: { parentId: province.id } })).toBe(129);
    expect(await communes({})).toBe(45 + 129);
    // The accounts of the README: communes of Tuần Giáo before the reform.
    for (const [email, unit] of [
      ["canbo.xa@chungtay.vn", "Xã Quài Nưa"],
      ["canbo.xa2@chungtay.vn", "Xã Quài Cang"],
    ]) {
      const membership = await db.membership.findFirstOrThrow({
        where: { user: { email } },
        include: { unit: { include: { parent: true } } },
      });
      expect([membership.unit.name, membership.unit.parent?.name]).toEqual([unit, "Huyện Tuần Giáo"]);
    }
    const plan = await db.plan.findFirstOrThrow({
      where: { number: "2543", symbol: "KH-SGDĐT" },
      include: { children: true },
    });
    expect(plan.issuedOn?.toISOString().slice(0, 10)).toBe("2022-10-19");
    const implementing = await db.plan.count({ where: { parent: { number: "2835", symbol: "KH-SGDĐT" } } });
    expect(implementing).toBeGreaterThan(0);
    for (const role of ["planner", "leader", "stakeholder", "admin"] as const) {
      expect(
        await db.membership.count({ where: { role, unit: { path: { startsWith: province.path } } } }),
        role,
      ).toBeGreaterThan(0);
    }
    expect((await verifyCredentials(db, "canbo.xa@chungtay.vn", demoPassword())).ok).toBe(true);

    // Seeded plans carry the history that explains their status, and a first text.
    const returned = await db.plan.findFirstOrThrow({
      where: { status: "returned", issuingUnit: { path: { startsWith: province.path } } },
      include: { transitions: { orderBy: { at: "asc" } }, document: true },
    });
    expect(returned.transitions.map((t) => t.action)).toEqual(["submit", "return"]);
    expect(returned.transitions[1]!.reason).toBeTruthy();
    expect(returned.document?.text).toContain("I. MỤC ĐÍCH, YÊU CẦU");
    const approved = await db.plan.findFirstOrThrow({
      where: { number: "2835", symbol: "KH-SGDĐT" },
      include: { transitions: { include: { actor: { include: { memberships: { include: { unit: true } } } } } } },
    });
    expect(approved.transitions.map((t) => t.action)).toEqual(["submit", "approve"]);
    expect(approved.transitions[1]!.actor.memberships.some((m) => m.role === "leader" && m.unit.code === "11")).toBe(
      true,
    );
  });

  it("is not seeded at start into a database that holds another province, nor over an earlier demo", async () => {
    const database = await createIsolatedDatabase("chungtay_demo_guard");
    const db = createDb(database.url, 1);
    try {
      await db.$transaction((tx) =>
        insertUnitTree(tx, [{ code: "14", name: "Tỉnh Sơn La", level: "province", parentCode: null }]),
      );
      const other = await seedDemoOnStart(db);
      expect(other).toMatchObject({ demo: false, created: 0 });
      expect(other.note).toContain("not the demo");
      // The demo of an earlier version: its department, and communes with made-up codes.
      await db.$transaction((tx) =>
        insertUnitTree(tx, [
          { code: "11", name: "Tỉnh Điện Biên", level: "province", parentCode: null },
          { code: "11-SGDDT", name: "Sở Giáo dục và Đào tạo tỉnh Điện Biên", level: "agency", parentCode: "11" },
          { code: "03180", name: "Xã Quài Nưa", level: "commune", parentCode: "11" },
        ]),
      );
      const earlier = await seedDemoOnStart(db);
      expect(earlier).toMatchObject({ demo: true, created: 0 });
      expect(earlier.note).toContain("earlier version");
      expect(await db.orgUnit.count()).toBe(4);
      expect(await db.user.count()).toBe(0);
    } finally {
      await db.$disconnect();
      await database.drop();
    }
  });
});
