import { describe, expect, it } from "vitest";
import { createIsolatedDatabase } from "../../tests/isolated-database";
import { createDb } from "../db/client";
import { loadReferenceData } from "./reference-data";

/** The national reference data, loaded at every start: all of it once, nothing twice, no admin's edit undone. */
describe("national reference data", () => {
  it("loads the programmes and criteria sets once, and keeps what an admin completed", async () => {
    const database = await createIsolatedDatabase("chungtay_reference");
    const db = createDb(database.url, 1);
    try {
      expect(await loadReferenceData(db)).toBe(4 + 3 + 19 + 9 + 10);
      const sets = await db.criteriaSet.findMany({
        select: { code: true, _count: { select: { criteria: true } } },
        orderBy: { code: "asc" },
      });
      expect(sets.map((s) => [s.code, s._count.criteria])).toEqual([
        ["NTM-HUYEN-2021-2025", 9],
        ["NTM-XA-2021-2025", 19],
        ["NTM-XA-2026-2030", 10],
      ]);
      // An admin completes a name on the Criteria page and adds a criterion; the next start keeps both.
      const first = await db.criterion.findFirstOrThrow({ where: { set: { code: "NTM-XA-2026-2030" }, number: 1 } });
      await db.criterion.update({
        where: { id: first.id },
        data: { name: "Quy hoạch (theo Quyết định 51/2025/QĐ-TTg)", indicatorCount: 3 },
      });
      await db.criterion.create({
        data: { setId: first.setId, number: 11, name: "Tiêu chí bổ sung", nameEn: "Extra" },
      });
      expect(await loadReferenceData(db)).toBe(0);
      expect(await db.criterion.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
        name: "Quy hoạch (theo Quyết định 51/2025/QĐ-TTg)",
        indicatorCount: 3,
      });
      expect(await db.criterion.count({ where: { setId: first.setId } })).toBe(11);
      expect(await db.program.count()).toBe(4);
    } finally {
      await db.$disconnect();
      await database.drop();
    }
  });
});
