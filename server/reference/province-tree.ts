import type { UnitLevel } from "../db/generated/client";
import { searchable } from "../../lib/search-text";
import { officialProvinces, type OfficialProvince } from "./official-provinces";
import { type MappingRow, officialLists } from "./package-data";

/** A unit to create, named by code; its parent and the unit it merged into are named by code too. */
export interface PlannedUnit {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
  /** ISO dates, inclusive; null when unknown or open. */
  validFrom?: string | null;
  validTo?: string | null;
  mergedIntoCode?: string | null;
}

/** The two-tier government began on 1 July 2025; the units it replaced ended the day before. */
export const REFORM_DATE = "2025-07-01";
export const PRE_REFORM_END = "2025-06-30";

/**
 * Codes across the reform. `OrgUnit.code` is unique across time and is a segment of every
 * path beneath, yet 3,315 of the 3,321 new communes carry the code of one of the communes they
 * were formed from, and the merged provinces carry the code of one of theirs (Bắc Ninh is 24,
 * Bắc Giang's code). So: a unit in force today keeps its official code as it is, since that is
 * what files, documents and the national systems use from now on; a unit of before the reform
 * keeps its official code too, unless a unit in force today carries the same one, in which case
 * it gets this suffix ("03253-cu", Thị trấn Tuần Giáo, now part of Xã Tuần Giáo 03253). The rule
 * depends only on the official lists, never on what a database holds, so a code never changes
 * when more units are added later. Districts no longer exist and keep their codes. The old
 * tree hangs beneath the new province (old provinces of a merged one as its children), so that
 * a province's roles reach both trees by path, and each old commune's `mergedIntoId` names the
 * commune it became, which is how roll-ups count its records for that commune.
 */
export const PRE_REFORM_SUFFIX = "-cu";

export interface ProvinceTree {
  province: OfficialProvince;
  units: PlannedUnit[];
  counts: { communes: number; districts: number; oldCommunes: number; oldProvinces: number };
}

const countBy = <T>(items: T[], key: (item: T) => string | undefined) => {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
};
const nameKey = (name: string) => searchable(name).replace(/\s+/g, " ").trim();
const tidy = (name: string) => name.replace(/\s+/g, " ").trim();

/**
 * The units of a province from the official lists: the province and its communes since the
 * reform; with `beforeReform` also the units of 30 June 2025 (the old province or provinces,
 * their districts and communes, each commune linked to the one it became).
 */
export function provinceTree(provinceCode: string, { beforeReform = false } = {}): ProvinceTree {
  const province = officialProvinces().find((p) => p.code === provinceCode);
  if (!province) throw new Error(`No province ${provinceCode} in the official list`);
  const lists = officialLists();
  const communes = lists.communes.filter((c) => c.province_code === province.code);
  const newCodes = new Set(communes.map((c) => c.ward_code));
  const rows = lists.mapping.filter((m) => newCodes.has(m.new_ward_code));

  // The statistics office's province of an old commune, through its district.
  const gsoProvinceOf = (communeCode: string) => {
    const district = lists.gso.communes.get(communeCode)?.parent_code;
    return district ? lists.gso.districts.get(district)?.parent_code : undefined;
  };
  const oldProvinces = countBy(rows, (m) => m.old_province_name ?? undefined).map(([name]) => {
    const [code] = countBy(
      rows.filter((m) => m.old_province_name === name),
      (m) => gsoProvinceOf(m.old_ward_code!),
    )[0] ?? [""];
    return { name: tidy(name), key: name, code };
  });
  // A province that merged with none keeps being the same unit (Điện Biên, Sơn La, Hà Nội…).
  const continuous = oldProvinces.length === 1 && oldProvinces[0]!.code === province.code;

  const units: PlannedUnit[] = [
    {
      code: province.code,
      name: province.name,
      level: "province",
      parentCode: null,
      validFrom: continuous ? null : REFORM_DATE,
    },
    ...communes
      .map((c) => ({
        code: c.ward_code,
        name: tidy(c.name),
        level: "commune" as const,
        parentCode: province.code,
        validFrom: REFORM_DATE,
      }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  ];
  const counts = { communes: communes.length, districts: 0, oldCommunes: 0, oldProvinces: 0 };
  if (!beforeReform) return { province, units, counts };

  const nationalCodes = new Set([...lists.communes.map((c) => c.ward_code), ...officialProvinces().map((p) => p.code)]);
  const preReformCode = (code: string) => (nationalCodes.has(code) ? `${code}${PRE_REFORM_SUFFIX}` : code);

  for (const old of oldProvinces) {
    const oldRows = rows.filter((m) => m.old_province_name === old.key);
    const parentCode = continuous ? province.code : preReformCode(old.code);
    if (!continuous) {
      units.push({
        code: parentCode,
        name: old.name,
        level: "province",
        parentCode: province.code,
        validTo: PRE_REFORM_END,
        mergedIntoCode: province.code,
      });
      counts.oldProvinces++;
    }
    const districts = districtCodes(oldRows, old.code);
    for (const [name, code] of districts) {
      units.push({ code, name, level: "district", parentCode, validTo: PRE_REFORM_END });
      counts.districts++;
    }
    for (const m of oldRows.sort((a, b) => a.old_ward_code!.localeCompare(b.old_ward_code!))) {
      units.push({
        code: preReformCode(m.old_ward_code!),
        name: tidy(m.old_ward_name ?? m.old_ward_code!),
        level: "commune",
        parentCode: districts.get(tidy(m.old_district_name ?? ""))!,
        validTo: PRE_REFORM_END,
        mergedIntoCode: m.new_ward_code,
      });
      counts.oldCommunes++;
    }
  }
  return { province, units, counts };
}

/**
 * The districts of an old province as they stood on 30 June 2025 (the mapping names each old
 * commune's district) with their official codes, which only the 2023 list gives: the code of
 * the district of the same name there; for a district formed or renamed since (Thị xã Mộc
 * Châu, Thành phố Hoa Lư), the code of the 2023 district most of its communes came from, or,
 * when that district still existed under its own name, that code with "-2" (the next free
 * number), since its official code is in neither list.
 */
function districtCodes(rows: MappingRow[], gsoProvinceCode: string): Map<string, string> {
  const { gso } = officialLists();
  const inProvince = [...gso.districts.values()].filter((d) => d.parent_code === gsoProvinceCode);
  const groups = countBy(rows, (m) => tidy(m.old_district_name ?? ""));
  const codes = new Map<string, string>();
  const taken = new Set<string>();
  for (const [name] of groups) {
    const match = inProvince.find((d) => nameKey(d.name_with_type) === nameKey(name));
    if (match) {
      codes.set(name, match.code);
      taken.add(match.code);
    }
  }
  for (const [name] of groups) {
    if (codes.has(name)) continue;
    const members = rows.filter((m) => tidy(m.old_district_name ?? "") === name);
    const [origin] = countBy(members, (m) => gso.communes.get(m.old_ward_code!)?.parent_code)[0] ?? [
      `${gsoProvinceCode}-0`,
    ];
    let code = origin;
    for (let n = 2; taken.has(code); n++) code = `${origin}-${n}`;
    codes.set(name, code);
    taken.add(code);
  }
  return codes;
}
