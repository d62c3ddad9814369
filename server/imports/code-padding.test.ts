import { describe, expect, it } from "vitest";
import { buildActor, buildUnit } from "../../tests/factories";
import { getDb } from "../db/client";
import { loadUnitsByCode } from "./rows";
import { applyImport } from "./run-import";
import { csvFile, importInput } from "./test-files";

/**
 * Codes Excel stripped of their leading zeros are padded to the official width of a level
 * (province 2 digits, district 3, commune 5), and only to the width of the level a row means.
 */
describe("code padding by level", () => {
  it("does not take a new province 86 for the district 086, and still finds 8655 as the commune 08655", async () => {
    const db = getDb();
    const province = await buildUnit(db, { level: "province", name: "Tỉnh Có Huyện 086" });
    const district = await buildUnit(db, { level: "district", parent: province, code: "086", name: "Huyện 086" });
    const commune = await buildUnit(db, { level: "commune", parent: district, code: "08655", name: "Xã 08655" });
    const admin = await buildActor(db, "admin", [province]);

    const before = await loadUnitsByCode(db, ["86", "8655"]);
    expect(before("86")?.code).toBe("086"); // a parent code, level unknown: the one unit it can be
    expect(before("86", "province")).toBeUndefined();
    expect(before("8655")?.id).toBe(commune.id);
    expect(before("8655", "commune")?.id).toBe(commune.id);
    expect(before("8655", "district")).toBeUndefined();

    const file = csvFile([
      ["Mã", "Tên", "Cấp", "Mã cấp trên"],
      ["86", "Tỉnh Mới", "Tỉnh", ""],
      ["86001", "Xã Mới", "Xã", "86"],
    ]);
    const report = await applyImport(db, admin, importInput("units", file));
    expect(report.issues).toEqual([]);
    expect(report.counts).toMatchObject({ create: 2, errorRows: 0 });
    expect(await db.orgUnit.findUniqueOrThrow({ where: { code: "86001" } })).toMatchObject({ path: "/86/86001/" });
    expect((await loadUnitsByCode(db, ["86"]))("86")?.level).toBe("province");
  });
});
