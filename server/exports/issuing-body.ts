import type { Db } from "../db/client";
import type { UnitLevel } from "../db/generated/client";
import { pathAndAncestors } from "../policies/tree";

/**
 * Who issues an official document and where, as the top of a Decree 30/2020/NĐ-CP document
 * says it, worked out from the unit tree (units carry no separate "letterhead" data).
 */
export interface IssuingBody {
  /** The body directly above ("UBND HUYỆN TUẦN GIÁO"), for a department or school of a local government. */
  governing: string | null;
  /** The issuer's name in capitals, one element per line: ["ỦY BAN NHÂN DÂN", "XÃ QUÀI NƯA"] or ["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"]. */
  name: string[];
  /** The issuer's name in a sentence: "Ủy ban nhân dân xã Quài Nưa", "Sở Giáo dục và Đào tạo tỉnh Điện Biên". */
  fullName: string;
  /** Where the document is issued: the locality of the nearest local government ("Tuần Giáo"). */
  place: string;
  /** The issuer's abbreviation in document symbols: "UBND", "PGDĐT", "SGDĐT". */
  abbreviation: string;
}

export type TreeUnit = { name: string; level: UnitLevel; path: string };

/** Levels with a People's Committee (Ủy ban nhân dân): they issue in its name. */
const LOCAL_GOVERNMENT: readonly UnitLevel[] = ["province", "district", "commune"];
/** "Huyện Tuần Giáo" → "Tuần Giáo": the kind of locality in front of its proper name. */
const LOCALITY_KIND = /^(tỉnh|thành phố|thị xã|huyện|quận|thị trấn|xã|phường|đặc khu)\s+/iu;
/** State departments and offices report to their People's Committee; mass organisations do not. */
const STATE_AGENCY = /^(sở|phòng|văn phòng|ban|chi cục|trung tâm)\s/iu;

const upper = (text: string) => text.toLocaleUpperCase("vi");
const lower = (text: string) => text.toLocaleLowerCase("vi");
export const localityOf = (name: string) => name.replace(LOCALITY_KIND, "");

/** "Phòng Giáo dục và Đào tạo" → "PGDĐT", as the seeded symbols write it; acronyms stay whole. */
function abbreviate(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => word && lower(word) !== "và")
    .map((word) => (word.length > 1 && word === upper(word) ? word : upper(word[0]!)))
    .join("");
}

/**
 * The header facts of `unit` given its ancestors (any order). A People's Committee heads its
 * documents with its own name on two lines and no body above it; a state department has its
 * committee above it and drops the locality from its own name, which the line above already
 * says ("UBND HUYỆN TUẦN GIÁO" / "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO").
 */
export function describeIssuingBody(unit: TreeUnit, ancestors: TreeUnit[]): IssuingBody {
  const government = [unit, ...ancestors]
    .filter((u) => LOCAL_GOVERNMENT.includes(u.level))
    .sort((a, b) => b.path.length - a.path.length)[0];
  const place = localityOf(government?.name ?? unit.name);
  if (LOCAL_GOVERNMENT.includes(unit.level)) {
    const sentenceName = unit.name.replace(LOCALITY_KIND, (kind) => lower(kind));
    return {
      governing: null,
      name: ["ỦY BAN NHÂN DÂN", upper(unit.name)],
      fullName: `Ủy ban nhân dân ${sentenceName}`,
      place,
      abbreviation: "UBND",
    };
  }
  const governed = government && (unit.level === "school" || STATE_AGENCY.test(unit.name));
  const suffix = government ? ` ${lower(government.name)}` : "";
  const ownName =
    governed && unit.level === "agency" && lower(unit.name).endsWith(suffix)
      ? unit.name.slice(0, -suffix.length)
      : unit.name;
  return {
    governing: governed ? `UBND ${upper(government.name)}` : null,
    name: [upper(ownName)],
    fullName: unit.name,
    place,
    abbreviation: abbreviate(ownName),
  };
}

/** The header facts of a unit, reading its ancestors from its materialised path. */
export async function loadIssuingBody(db: Db, unit: TreeUnit): Promise<IssuingBody> {
  const ancestors = await db.orgUnit.findMany({
    where: { path: { in: pathAndAncestors(unit.path).filter((path) => path !== unit.path) } },
    select: { name: true, level: true, path: true },
  });
  return describeIssuingBody(unit, ancestors);
}
