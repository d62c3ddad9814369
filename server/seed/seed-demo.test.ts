import { describe, expect, it } from "vitest";
import { getDb } from "../db/client";
import { verifyCredentials } from "../auth/sign-in";
import { demoPassword, seedDemo } from "./seed-demo";

describe("demo seed", () => {
  it("seeds Điện Biên once and changes nothing when run again", async () => {
    const db = getDb();
    const first = await seedDemo(db);
    const second = await seedDemo(db);
    expect(second.created).toBe(0);
    expect(first.created).toBeGreaterThan(200);
    const province = await db.orgUnit.findUniqueOrThrow({ where: { code: "11" } });
    const communes = await db.orgUnit.count({ where: { level: "commune", path: { startsWith: province.path } } });
    expect(communes).toBeGreaterThanOrEqual(100);
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
});
