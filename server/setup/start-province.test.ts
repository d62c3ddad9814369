import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIsolatedDatabase } from "../../tests/isolated-database";
import type { TestDatabase } from "../../tests/test-database";
import { createDb, type Db } from "../db/client";
import { DomainError } from "../errors";
import { applyImport } from "../imports/run-import";
import { csvFile, importInput } from "../imports/test-files";
import { can } from "../policies";
import { loadActor } from "../policies/actor";
import { findProvince } from "../reference/official-provinces";
import { provinceTree } from "../reference/province-tree";
import { loadReferenceData } from "../reference/reference-data";
import { loadUnitsByCode } from "../imports/rows";
import { criteriaRollup } from "../rollups/criteria-rollup";
import { startProvince } from "./start-province";

/**
 * Starting a real province on an empty database, from the official lists: the units after the
 * reform, with `beforeReform` also those before it, linked so that 2021–2025 results count for
 * the communes of today; then a second start is refused and changes nothing.
 */

const admin = { email: "quantri@tinh.gov.vn", name: "Nguyễn Văn Quản" };

async function start(db: Db, query: string, beforeReform = false) {
  const lookup = findProvince(query);
  if (!("found" in lookup)) throw new Error(`no province ${query}`);
  const { units } = provinceTree(lookup.found.code, { beforeReform });
  return startProvince(db, { units, admin, source: { test: true } });
}

const communes = (db: Db, where: object = {}) => db.orgUnit.count({ where: { level: "commune", ...where } });

describe("starting a province from the official lists", () => {
  const databases: TestDatabase[] = [];
  const fresh = async (name: string) => {
    const database = await createIsolatedDatabase(`chungtay_init_${name}`);
    databases.push(database);
    const db = createDb(database.url, 1);
    await loadReferenceData(db);
    return db;
  };
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  for (const [query, count] of [
    ["Sơn La", 75],
    ["bac ninh", 99],
  ] as const) {
    it(`"${query}" gives ${count} communes and a first admin at the province`, async () => {
      const db = await fresh(query.replace(/\W/g, ""));
      try {
        const { user, generatedPassword, province } = await start(db, query);
        expect(await communes(db)).toBe(count);
        expect(await communes(db, { parent: { id: province.id }, validFrom: new Date("2025-07-01") })).toBe(count);
        expect(await db.orgUnit.count()).toBe(count + 1);
        expect(generatedPassword).toMatch(/^\S{16}$/);
        expect(user.memberships).toEqual([{ role: "admin", unit: expect.objectContaining({ code: province.code }) }]);
      } finally {
        await db.$disconnect();
      }
    });
  }

  describe("Điện Biên with its units before the reform", () => {
    let db: Db;
    let started: Awaited<ReturnType<typeof start>>;
    beforeAll(async () => {
      db = await fresh("dienbien");
      started = await start(db, "Điện Biên", true);
    });
    afterAll(() => db.$disconnect());

    it("has 45 communes of today and 129 of before, each linked to the commune it became", async () => {
      expect(await communes(db, { validFrom: new Date("2025-07-01") })).toBe(45);
      expect(await communes(db, { validTo: new Date("2025-06-30") })).toBe(129);
      expect(
        await communes(db, { validTo: new Date("2025-06-30"), mergedInto: { validFrom: new Date("2025-07-01") } }),
      ).toBe(129);
      expect(await db.orgUnit.count({ where: { level: "district", validTo: new Date("2025-06-30") } })).toBe(10);
      const quaiNua = await db.orgUnit.findUniqueOrThrow({
        where: { code: "03274" },
        include: { parent: true, mergedInto: true },
      });
      expect(quaiNua).toMatchObject({ name: "Xã Quài Nưa", path: "/11/099/03274/", depth: 2 });
      expect(quaiNua.parent).toMatchObject({ code: "099", name: "Huyện Tuần Giáo" });
      expect(quaiNua.mergedInto).toMatchObject({ code: "03253", name: "Xã Tuần Giáo", path: "/11/03253/" });
      // The province's admin reaches both trees.
      const actor = (await loadActor(db, started.user.id))!;
      expect(can(actor, "unit.rollup", quaiNua)).toBe(true);
      expect(can(actor, "unit.rollup", quaiNua.mergedInto!)).toBe(true);
    });

    it("counts results of 2025 imported for old communes in the roll-up of the commune they became", async () => {
      // A 2025 report names Thị trấn Tuần Giáo by its official code, which Xã Tuần Giáo carries since the reform.
      const asOf = async (day: string) => (await loadUnitsByCode(db, ["3253"], { inForceOn: day }))("3253")?.name;
      expect(await asOf("2025-01-01")).toBe("Thị trấn Tuần Giáo");
      expect(await asOf("2026-01-01")).toBe("Xã Tuần Giáo");
      const actor = (await loadActor(db, started.user.id))!;
      const criteria = (met: number) =>
        Array.from({ length: 19 }, (_, i) => (i < met ? "Đạt" : "Chưa đạt")) as string[];
      const file = csvFile([
        ["Mã đơn vị", "Tên đơn vị", ...Array.from({ length: 19 }, (_, i) => `TC${i + 1}`)],
        ["03253", "Thị trấn Tuần Giáo", ...criteria(19)],
        ["03274", "Xã Quài Nưa", ...criteria(16)],
        ["03289", "Xã Quài Cang", ...criteria(12)],
        ["03298", "Xã Chiềng Sinh", ...criteria(15)],
      ]);
      const report = await applyImport(db, actor, importInput("criteria", file, { period: "2025" }));
      expect(report.counts).toMatchObject({ create: 76, errorRows: 0 });

      const tuanGiao = await criteriaRollup(db, actor, { unit: { code: "03253" }, period: "2025" });
      expect(tuanGiao).toMatchObject({ set: { code: "NTM-XA-2021-2025" }, units: 3, allMet: 1, averageMet: 15.67 });
      expect(tuanGiao.criteria.find((c) => c.number === 13)).toMatchObject({ met: 2, rate: 66.67 });
      const chiengSinh = await criteriaRollup(db, actor, { unit: { code: "03283" }, period: "2025" });
      expect(chiengSinh.units).toBe(1);
      expect((await criteriaRollup(db, actor, { unit: { code: "11" }, period: "2025" })).units).toBe(4);
      expect((await criteriaRollup(db, actor, { unit: { code: "099" }, period: "2025" })).units).toBe(4);
    });

    it("refuses to start a province on a database that has units, and changes nothing", async () => {
      const before = await db.orgUnit.count();
      const users = await db.user.count();
      const error = await start(db, "Sơn La").then(
        () => expect.fail("the second start should have been refused"),
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).messageKey).toBe("setup.errors.notEmpty");
      expect(await db.orgUnit.count()).toBe(before);
      expect(await db.user.count()).toBe(users);
    });
  });
});
