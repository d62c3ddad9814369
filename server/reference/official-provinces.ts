import { searchable } from "../../lib/search-text";
import { officialLists } from "./package-data";

/** A province since 1 July 2025, as the official list names it. */
export interface OfficialProvince {
  code: string;
  /** "Tỉnh Điện Biên", "Thành phố Hà Nội": the name as units carry it. */
  name: string;
  /** "Điện Biên", "Hà Nội": what people type. */
  shortName: string;
}

const TYPE_PREFIX = /^(tinh|thanh pho|tp\.?)\s+/;
/** Lower case, no accents, no "Tỉnh"/"Thành phố" in front, single spaces: "Tỉnh  Điện Biên" → "dien bien". */
export const provinceKey = (text: string) => searchable(text).replace(/\s+/g, " ").trim().replace(TYPE_PREFIX, "");

/** The 34 provinces and centrally-run cities, by code. */
export function officialProvinces(): OfficialProvince[] {
  return officialLists()
    .provinces.map((row) => {
      const name = row.place_type === "Tỉnh" ? `Tỉnh ${row.name}` : row.name;
      return { code: row.province_code, name, shortName: name.replace(/^(Tỉnh|Thành phố) /, "") };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

export type ProvinceLookup =
  | { found: OfficialProvince }
  /** A province of before the reform, merged into `into` on 1 July 2025. */
  | { merged: { name: string; into: OfficialProvince } }
  | { unknown: string };

/**
 * Finds a province by its code ("11", "9" for "09") or its name, with or without accents and
 * with or without "Tỉnh"/"Thành phố". A province that no longer exists is reported with the
 * one it became part of, so that the operator can be told which to ask for.
 */
export function findProvince(query: string): ProvinceLookup {
  const provinces = officialProvinces();
  const text = query.trim();
  const code = /^\d{1,2}$/.test(text) ? text.padStart(2, "0") : null;
  const key = provinceKey(text);
  const found = provinces.find((p) => p.code === code || provinceKey(p.name) === key);
  if (found) return { found };

  const { gso, mapping, communes } = officialLists();
  const old = [...gso.provinces.values()].find((p) => provinceKey(p.name_with_type) === key);
  if (old) {
    // Where its communes went: the province of the new commune of any of them.
    const district = [...gso.districts.values()].find((d) => d.parent_code === old.code);
    const commune = district && [...gso.communes.values()].find((c) => c.parent_code === district.code);
    const row = commune && mapping.find((m) => m.old_ward_code === commune.code);
    const newProvince = row && communes.find((c) => c.ward_code === row.new_ward_code)?.province_code;
    const into = provinces.find((p) => p.code === newProvince);
    if (into) return { merged: { name: old.name_with_type, into } };
  }
  return { unknown: text };
}
