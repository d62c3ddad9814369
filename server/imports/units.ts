import { randomUUID } from "node:crypto";
import type { UnitLevel } from "../db/generated/client";
import { authorize } from "../policies";
import { childPath } from "../policies/tree";
import { type ColumnSpec, labelLookup, matchColumns } from "./columns";
import { insertMany } from "../db/bulk-insert";
import { chunks, flagDuplicates, loadUnitsByCode, RowCheck } from "./rows";
import type { Importer } from "./types";

/**
 * The unit tree: `code,name,level,parent_code`. Creates the units that are missing (a parent
 * must exist already or come on an earlier row) and renames those whose name changed; it
 * never deletes, and never moves a unit (a different level or parent is a row error), since
 * moving would change the paths of everything beneath it.
 */

type Key = "code" | "name" | "level" | "parentCode";
export const UNIT_COLUMNS: ColumnSpec<Key>[] = [
  { key: "code", heading: "Mã", aliases: ["Mã đơn vị", "code", "unit code"], required: true },
  { key: "name", heading: "Tên", aliases: ["Tên đơn vị", "name"], required: true },
  { key: "level", heading: "Cấp", aliases: ["level", "Cấp đơn vị"], required: true },
  {
    key: "parentCode",
    heading: "Mã cấp trên",
    aliases: ["parent_code", "parent", "Mã đơn vị cấp trên"],
    required: true,
  },
];

export const parseLevel = labelLookup<UnitLevel>([
  ["province", ["tỉnh", "thành phố trực thuộc trung ương"]],
  ["district", ["huyện", "quận", "thị xã"]],
  ["commune", ["xã", "phường", "thị trấn"]],
  ["agency", ["cơ quan", "sở", "phòng"]],
  ["school", ["trường", "trường học"]],
]);

/** Codes become path segments ("/11/099/03180/"): letters, digits, dot, dash, underscore only. */
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
/**
 * Official codes have a fixed number of digits. A shorter one is almost always Excel's doing
 * (it drops the leading zero of "03180" in a number cell), and would create a second commune.
 */
const OFFICIAL_DIGITS: Partial<Record<UnitLevel, number>> = { province: 2, district: 3, commune: 5 };

export type UnitChange =
  | {
      op: "create";
      code: string;
      name: string;
      level: UnitLevel;
      path: string;
      depth: number;
      parentId: string | null;
      parentCode: string | null;
    }
  | { op: "update"; id: string; code: string; before: string; name: string };

type Parsed = { check: RowCheck<UnitChange>; code: string; name: string; level: UnitLevel | null; parentCode: string };

export const unitsImporter: Importer<UnitChange> = {
  async check(db, actor, table) {
    authorize(actor, "units.import", null);
    const { columns, fileIssues, warnings } = matchColumns(table, UNIT_COLUMNS);
    if (fileIssues.length) return { fileIssues, warnings, rows: [] };
    const h = (key: Key) => columns.heading(key);

    const parsed: Parsed[] = table.rows.map(({ row, cells }) => {
      const [code, name, levelText, parentCode] = (["code", "name", "level", "parentCode"] as const).map((key) =>
        columns.value(cells, key),
      ) as [string, string, string, string];
      const check = new RowCheck<UnitChange>(row, code);
      if (!code) check.error(h("code"), "validation.required");
      else if (!CODE_PATTERN.test(code)) check.error(h("code"), "imports.errors.badCode");
      if (name.length < 2) check.error(h("name"), "validation.required");
      else if (name.length > 300) check.error(h("name"), "validation.tooLong");
      const level = parseLevel(levelText);
      if (!levelText) check.error(h("level"), "validation.required");
      else if (!level) check.error(h("level"), "imports.errors.badLevel", { value: levelText });
      if (level && /^\d+$/.test(code) && OFFICIAL_DIGITS[level] && code.length !== OFFICIAL_DIGITS[level])
        check.error(h("code"), "imports.errors.codeDigits", { digits: OFFICIAL_DIGITS[level] });
      if (level && level !== "province" && !parentCode) check.error(h("parentCode"), "imports.errors.parentRequired");
      if (level === "province" && parentCode) check.error(h("parentCode"), "imports.errors.provinceNoParent");
      return { check, code, name, level, parentCode };
    });
    flagDuplicates(
      parsed,
      (p) => p.code || null,
      (p) => p.check,
      h("code"),
    );

    const find = await loadUnitsByCode(
      db,
      parsed.flatMap((p) => [p.code, p.parentCode]),
    );
    // Units named on earlier rows, for the rows beneath them: where they sit, and whether their row failed.
    type Known = { row: number | null; ok: boolean; id: string | null; code: string; path: string; depth: number };
    const earlier = new Map<string, Known>();
    for (const p of parsed) {
      const existing = find(p.code, p.level);
      const inDb = p.parentCode ? find(p.parentCode) : undefined;
      const parent: Known | undefined =
        (p.parentCode && earlier.get(p.parentCode)) ||
        (inDb && { row: null, ok: true, id: inDb.id, code: inDb.code, path: inDb.path, depth: inDb.depth });
      if (p.check.ok && p.parentCode && !parent)
        p.check.error(h("parentCode"), "imports.errors.parentUnknown", { code: p.parentCode });
      if (p.check.ok && parent && !parent.ok)
        p.check.error(h("parentCode"), "imports.errors.parentRowError", { row: parent.row ?? 0 });
      if (
        p.check.ok &&
        existing &&
        (existing.level !== p.level || (existing.parentCode ?? "") !== (parent?.code ?? ""))
      )
        p.check.error(h("parentCode"), "imports.errors.unitMoved");
      const path = existing?.path ?? childPath(parent?.path ?? null, p.code);
      const depth = existing?.depth ?? (parent ? parent.depth + 1 : 0);
      if (p.code && !earlier.has(p.code))
        earlier.set(p.code, {
          row: p.check.row,
          ok: p.check.ok,
          id: existing?.id ?? null,
          code: existing?.code ?? p.code,
          path,
          depth,
        });
      if (!p.check.ok) continue;
      if (!existing) {
        // A parent created by this import gets its id at write time, found by its code.
        p.check.changes.push({
          op: "create",
          code: p.code,
          name: p.name,
          level: p.level!,
          path,
          depth,
          parentId: parent?.id ?? null,
          parentCode: parent && !parent.id ? parent.code : null,
        });
      } else if (existing.name !== p.name) {
        p.check.changes.push({
          op: "update",
          id: existing.id,
          code: existing.code,
          before: existing.name,
          name: p.name,
        });
      } else {
        p.check.unchanged++;
      }
    }
    return { fileIssues, warnings, rows: parsed.map((p) => p.check) };
  },

  async write(tx, actor, changes, effects) {
    authorize(actor, "units.import", null);
    // Ids first, so that a unit created on an earlier row is the parent of those beneath it;
    // parents are inserted first (by depth), as the foreign key wants.
    const creates = changes
      .flatMap((c) => (c.op === "create" ? [{ ...c, id: randomUUID() }] : []))
      .sort((a, b) => a.depth - b.depth);
    const ids = new Map(creates.map((c) => [c.code, c.id]));
    const rows = creates.map(({ id, code, name, level, path, depth, parentId, parentCode }) => ({
      id,
      code,
      name,
      level,
      path,
      depth,
      parentId: parentId ?? (parentCode ? ids.get(parentCode)! : null),
    }));
    await insertMany(
      tx,
      "OrgUnit",
      { code: "text", name: "text", level: '"UnitLevel"', path: "text", depth: "int", parentId: "text" },
      rows,
      ["updatedAt"],
    );
    for (const after of rows)
      effects.audit({ action: "unit.create", entityType: "OrgUnit", entityId: after.id, after });
    const updates = changes.flatMap((c) => (c.op === "update" ? [c] : []));
    for (const slice of chunks(updates, 10_000)) {
      await tx.$executeRaw`
        UPDATE "OrgUnit" AS u SET name = v.name, "updatedAt" = now()
        FROM unnest(${slice.map((c) => c.id)}::text[], ${slice.map((c) => c.name)}::text[]) AS v(id, name)
        WHERE u.id = v.id`;
      for (const c of slice)
        effects.audit({
          action: "unit.update",
          entityType: "OrgUnit",
          entityId: c.id,
          before: { name: c.before },
          after: { name: c.name },
        });
    }
  },
};
