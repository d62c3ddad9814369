import { describe, expect, it } from "vitest";
import { findProvince, officialProvinces } from "./official-provinces";
import { PRE_REFORM_END, PRE_REFORM_SUFFIX, provinceTree, REFORM_DATE } from "./province-tree";

/** The official unit lists as the packages hold them, and the trees Chung Tay builds from them. */

const communesOf = (code: string, beforeReform = false) =>
  provinceTree(code, { beforeReform }).units.filter((u) => u.level === "commune");

describe("official unit lists", () => {
  it("has the 34 provinces of 1 July 2025 and finds them by code or name, with or without accents", () => {
    expect(officialProvinces()).toHaveLength(34);
    for (const query of ["Sơn La", "son la", "SƠN LA", "Tỉnh Sơn La", "14"])
      expect(findProvince(query), query).toEqual({ found: { code: "14", name: "Tỉnh Sơn La", shortName: "Sơn La" } });
    expect(findProvince("tp ho chi minh")).toMatchObject({ found: { code: "79", name: "Thành phố Hồ Chí Minh" } });
    expect(findProvince("Dien Bien")).toMatchObject({ found: { code: "11" } });
    // A province of before the reform is named with the one it became part of.
    expect(findProvince("Bắc Giang")).toEqual({
      merged: { name: "Tỉnh Bắc Giang", into: { code: "24", name: "Tỉnh Bắc Ninh", shortName: "Bắc Ninh" } },
    });
    expect(findProvince("Atlantis")).toEqual({ unknown: "Atlantis" });
  });

  it("gives each province its communes since the reform: Sơn La 75, Bắc Ninh 99, Điện Biên 45, 3,321 in all", () => {
    expect(communesOf("14")).toHaveLength(75);
    expect(communesOf("24")).toHaveLength(99);
    expect(communesOf("11")).toHaveLength(45);
    expect(officialProvinces().reduce((n, p) => n + communesOf(p.code).length, 0)).toBe(3321);
    const tree = provinceTree("11");
    expect(tree.units[0]).toEqual({
      code: "11",
      name: "Tỉnh Điện Biên",
      level: "province",
      parentCode: null,
      validFrom: null,
    });
    expect(tree.units.find((u) => u.code === "03253")).toEqual({
      code: "03253",
      name: "Xã Tuần Giáo",
      level: "commune",
      parentCode: "11",
      validFrom: REFORM_DATE,
    });
  });

  it("builds the tree of 30 June 2025 with every old commune linked to the commune it became", () => {
    const tree = provinceTree("11", { beforeReform: true });
    expect(tree.counts).toEqual({ communes: 45, districts: 10, oldCommunes: 129, oldProvinces: 0 });
    const old = tree.units.filter((u) => u.validTo === PRE_REFORM_END && u.level === "commune");
    expect(old).toHaveLength(129);
    const newCodes = new Set(communesOf("11").map((u) => u.code));
    expect(old.every((u) => newCodes.has(u.mergedIntoCode!))).toBe(true);
    // Thị trấn Tuần Giáo's code is Xã Tuần Giáo's now; Quài Nưa's is nobody's.
    expect(tree.units.filter((u) => u.mergedIntoCode === "03253").map((u) => [u.code, u.name, u.parentCode])).toEqual([
      [`03253${PRE_REFORM_SUFFIX}`, "Thị trấn Tuần Giáo", "099"],
      ["03274", "Xã Quài Nưa", "099"],
      ["03289", "Xã Quài Cang", "099"],
    ]);
    expect(tree.units.find((u) => u.code === "099")).toMatchObject({ name: "Huyện Tuần Giáo", parentCode: "11" });
    expect(provinceTree("14", { beforeReform: true }).counts).toMatchObject({ communes: 75, oldCommunes: 200 });
  });

  it("hangs the provinces a new province was formed from beneath it, without reusing a code of today", () => {
    const { units, counts } = provinceTree("24", { beforeReform: true });
    expect(counts).toMatchObject({ communes: 99, oldCommunes: 313, oldProvinces: 2 });
    expect(units.filter((u) => u.level === "province")).toEqual([
      { code: "24", name: "Tỉnh Bắc Ninh", level: "province", parentCode: null, validFrom: REFORM_DATE },
      {
        code: `24${PRE_REFORM_SUFFIX}`,
        name: "Tỉnh Bắc Giang",
        level: "province",
        parentCode: "24",
        validTo: PRE_REFORM_END,
        mergedIntoCode: "24",
      },
      {
        code: "27",
        name: "Tỉnh Bắc Ninh",
        level: "province",
        parentCode: "24",
        validTo: PRE_REFORM_END,
        mergedIntoCode: "24",
      },
    ]);
  });

  it("gives every unit of every province a code of its own, usable as a path segment", () => {
    const seen = new Map<string, string>();
    for (const province of officialProvinces()) {
      const { units } = provinceTree(province.code, { beforeReform: true });
      const here = new Set(units.map((u) => u.code));
      for (const unit of units) {
        expect(seen.get(unit.code), unit.code).toBeUndefined();
        seen.set(unit.code, province.code);
        expect(unit.code).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/);
        if (unit.parentCode) expect(here.has(unit.parentCode), unit.code).toBe(true);
      }
    }
    // 11 provinces stayed as they were; the other 23 were formed from 52, which stay as units of their own.
    expect(seen.size).toBe(34 + 3321 + 52 + 691 + 10034);
  });
});
