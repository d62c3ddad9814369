import { searchable } from "../../lib/search-text";
import type { Db } from "../db/client";
import type { UnitLevel } from "../db/generated/client";
import { can } from "../policies";
import type { Actor } from "../policies/actor";
import { pathAndAncestors } from "../policies/tree";
import type { KnownUnit } from "./rows";

/**
 * Units found by name, for files that have no codes, within the provinces of the importer's
 * units. Names are unique in a province only when accents count ("Xã Na Tở" and "Xã Nà Tở"
 * are two communes): the exact name comes first, then the name without its level word
 * ("Na Tở" for "Xã Na Tở"), both with accents; the district heading the row sits under
 * separates two communes of one name. Otherwise a name that matches two units or none is an
 * error naming the candidates: nothing is guessed.
 */

export type NamedUnit = KnownUnit & { parentName: string | null };
export type NameLookup =
  | { unit: NamedUnit }
  | {
      issue: "imports.errors.unitNameAmbiguous" | "imports.errors.unitNameUnknown" | "imports.errors.unitNameSimilar";
      candidates: string;
    };

const LEVEL_WORD = /^(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh)\s+/;
const exact = (name: string) => name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
const bare = (name: string) => exact(name).replace(LEVEL_WORD, "");
/** "I. Huyện Nậm Pồ", "1 - HUYỆN NẬM PỒ": a group heading without its numbering. */
export const withoutNumbering = (text: string) =>
  text.replace(/^\s*(?:[IVXivx]{1,5}|[A-Ha-h]|\d{1,3})\s*[.)/:–-]?\s+/, "");

const add = (map: Map<string, NamedUnit[]>, key: string, unit: NamedUnit) =>
  map.set(key, [...(map.get(key) ?? []), unit]);
const named = (units: NamedUnit[]) =>
  [...units]
    .sort((a, b) => a.name.localeCompare(b.name, "vi") || a.code.localeCompare(b.code))
    .map((u) => `${u.name} (${u.code})`)
    .join(", ");

/** Loads the units of the actor's provinces that the actor may see, and returns a lookup by name. */
export async function unitsByName(db: Pick<Db, "$queryRaw">, actor: Actor) {
  const provinces = [...new Set(actor.memberships.map((m) => pathAndAncestors(m.unitPath)[0]!))];
  const units = provinces.length
    ? await db.$queryRaw<NamedUnit[]>`
        SELECT u.id, u.code, u.name, u.level::text AS level, u.path, u.depth, p.code AS "parentCode", p.name AS "parentName"
        FROM "OrgUnit" u LEFT JOIN "OrgUnit" p ON p.id = u."parentId"
        WHERE u.path LIKE ANY(${provinces.map((p) => `${p}%`)})`
    : [];
  const byExact = new Map<string, NamedUnit[]>();
  const byBare = new Map<string, NamedUnit[]>();
  const byLoose = new Map<string, NamedUnit[]>();
  for (const unit of units) {
    if (!can(actor, "unit.view", unit)) continue;
    add(byExact, exact(unit.name), unit);
    add(byBare, bare(unit.name), unit);
    add(byLoose, searchable(bare(unit.name)), unit);
  }
  const ofLevel = (list: NamedUnit[] | undefined, levels: UnitLevel[] | null) =>
    (list ?? []).filter((u) => !levels || levels.includes(u.level));

  /** A unit by name, among `levels` (all when null), under the group heading `within` if it names a unit. */
  function find(name: string, levels: UnitLevel[] | null, within?: string): NameLookup {
    let found = ofLevel(byExact.get(exact(name)), levels);
    if (!found.length) found = ofLevel(byBare.get(bare(name)), levels);
    if (found.length > 1 && within) {
      const group = find(withoutNumbering(within), null);
      if ("unit" in group) {
        const inside = found.filter((u) => u.path.startsWith(group.unit.path));
        if (inside.length) found = inside;
      }
    }
    if (found.length === 1) return { unit: found[0]! };
    if (found.length > 1) return { issue: "imports.errors.unitNameAmbiguous", candidates: named(found) };
    // Written without accents, or with other ones: the units it could be are named, not chosen.
    const similar = ofLevel(byLoose.get(searchable(bare(name))), levels).slice(0, 5);
    return similar.length
      ? { issue: "imports.errors.unitNameSimilar", candidates: named(similar) }
      : { issue: "imports.errors.unitNameUnknown", candidates: "" };
  }
  return find;
}
