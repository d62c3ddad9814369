import { randomUUID } from "node:crypto";
import type { UnitLevel } from "../db/generated/client";
import { authorize } from "../policies";
import { childPath } from "../policies/tree";
import { insertMany } from "../db/bulk-insert";
import { type ColumnSpec, labelLookup } from "./columns";
import { readTable } from "./find-table";
import type { RawRow } from "./parse-file";
import { chunks, flagDuplicates, loadUnitsByCode, RowCheck } from "./rows";
import type { Importer } from "./types";
import { unitsByName, withoutNumbering } from "./unit-names";

/**
 * The unit tree: `code, name, level, parent code`, or a unit list as a decision's annex has it
 * (units grouped under their district's heading, the level read from the name's "Xã", "Phường",
 * "Thị trấn"). Creates the units that are missing (a parent must exist already or come on an
 * earlier row) and renames those whose name changed; it never deletes, and never moves a unit
 * (a different level or parent is a row error), since moving would change the paths of
 * everything beneath it. An empty cell leaves what is stored as it is.
 */

type Key = "code" | "name" | "level" | "parentCode";
export const UNIT_COLUMNS: ColumnSpec<Key>[] = [
  {
    key: "code",
    heading: "Mã",
    aliases: ["Mã đơn vị", "code", "unit code", "Mã ĐVHC", "Mã số", "Mã đơn vị hành chính", "Mã xã"],
    required: true,
  },
  {
    key: "name",
    heading: "Tên",
    aliases: ["Tên đơn vị", "name", "Tên đơn vị hành chính", "Tên ĐVHC", "Đơn vị hành chính"],
    required: true,
  },
  {
    key: "level",
    heading: "Cấp",
    aliases: ["level", "Cấp đơn vị", "Loại", "Loại đơn vị", "Cấp hành chính"],
    required: false,
  },
  {
    key: "parentCode",
    heading: "Mã cấp trên",
    aliases: ["parent_code", "parent", "Mã đơn vị cấp trên", "Mã huyện", "Mã QH"],
    required: false,
  },
];

export const parseLevel = labelLookup<UnitLevel>([
  ["province", ["tỉnh", "thành phố trực thuộc trung ương"]],
  ["district", ["huyện", "quận", "thị xã"]],
  ["commune", ["xã", "phường", "thị trấn"]],
  ["agency", ["cơ quan", "sở", "phòng"]],
  ["school", ["trường", "trường học"]],
]);
/** "Xã Nà Tở" is a commune, "Huyện Nậm Pồ" a district; "Thành phố" could be either and is not guessed. */
const levelOfName = (name: string): UnitLevel | null =>
  /^(?:xã|phường|thị trấn)\s/i.test(name) ? "commune" : /^(?:huyện|quận|thị xã)\s/i.test(name) ? "district" : null;

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

type Parsed = {
  check: RowCheck<UnitChange>;
  code: string;
  name: string;
  level: UnitLevel | null;
  parentCode: string;
  group?: RawRow;
};

export const unitsImporter: Importer<UnitChange> = {
  async check(db, actor, book, options) {
    authorize(actor, "units.import", null);
    const targets = UNIT_COLUMNS.map((s) => ({ key: s.key, label: s.heading }));
    const table = readTable(book, { specs: UNIT_COLUMNS, targets }, options, ["code"]);
    if (!table.ok) return { ...table, rows: [] };
    const { columns, kinds, layout, warnings } = table;
    const h = (key: Key) => columns.heading(key);

    // A district's heading above its communes is their parent: by a code in brackets, else by name.
    const groups = [...new Set(kinds.groupOf.values())];
    const findName = groups.length ? await unitsByName(db, actor) : null;
    const groupCodes = await loadUnitsByCode(
      db,
      groups.flatMap((g) => /\((?:mã\s*:?\s*)?([0-9A-Za-z._-]+)\)/i.exec(g.cells.join(" "))?.[1] ?? []),
    );
    const parentOfGroup = new Map(
      groups.map((g) => {
        const text = g.cells.filter(Boolean).join(" ");
        const code = /\((?:mã\s*:?\s*)?([0-9A-Za-z._-]+)\)/i.exec(text)?.[1];
        const byCode = code ? groupCodes(code) : undefined;
        const lookup = findName!(withoutNumbering(text.replace(/\([^)]*\)/g, "").trim()), ["province", "district"]);
        return [g, byCode?.code ?? ("unit" in lookup ? lookup.unit.code : null)] as const;
      }),
    );

    const parsed: Parsed[] = kinds.data.map(({ row, cells }) => {
      const [code, name, levelText, parentText] = (["code", "name", "level", "parentCode"] as const).map((key) =>
        columns.value(cells, key),
      ) as [string, string, string, string];
      const group = kinds.groupOf.get(row);
      const check = new RowCheck<UnitChange>(row, code);
      if (!code) check.error(h("code"), "validation.required");
      else if (!CODE_PATTERN.test(code)) check.error(h("code"), "imports.errors.badCode");
      if (name && name.length < 2) check.error(h("name"), "validation.required");
      else if (name.length > 300) check.error(h("name"), "validation.tooLong");
      const level = levelText ? parseLevel(levelText) : levelOfName(name);
      if (levelText && !level) check.error(h("level"), "imports.errors.badLevel", { value: levelText });
      if (level && /^\d+$/.test(code) && OFFICIAL_DIGITS[level] && code.length !== OFFICIAL_DIGITS[level])
        check.error(h("code"), "imports.errors.codeDigits", { digits: OFFICIAL_DIGITS[level] });
      const parentCode = parentText || (group ? (parentOfGroup.get(group) ?? "") : "");
      if (group && !parentText && !parentOfGroup.get(group))
        check.error(h("name"), "imports.errors.groupUnknown", { group: group.cells.filter(Boolean).join(" ") });
      if (level === "province" && parentCode) check.error(h("parentCode"), "imports.errors.provinceNoParent");
      return { check, code, name, level, parentCode, group };
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
      const existing = p.code ? find(p.code, p.level ?? undefined) : undefined;
      // What a new unit needs, an existing one may leave empty: it keeps its name, level and parent.
      if (!existing && p.check.ok) {
        if (!p.name) p.check.error(h("name"), "validation.required");
        if (!p.level)
          p.check.error(h("level"), columns.has("level") ? "validation.required" : "imports.errors.levelUnknown");
        if (p.level && p.level !== "province" && !p.parentCode)
          p.check.error(h("parentCode"), "imports.errors.parentRequired");
      }
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
        ((p.level && existing.level !== p.level) ||
          (p.parentCode && (existing.parentCode ?? "") !== (parent?.code ?? "")))
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
        p.check.describe = () => [
          { column: h("name"), before: null, after: { type: "text", value: p.name } },
          { column: h("level"), before: null, after: { type: "level", value: p.level! } },
          ...(parent
            ? [{ column: h("parentCode"), before: null, after: { type: "text" as const, value: parent.code } }]
            : []),
        ];
      } else if (p.name && existing.name !== p.name) {
        p.check.changes.push({
          op: "update",
          id: existing.id,
          code: existing.code,
          before: existing.name,
          name: p.name,
        });
        p.check.describe = () => [
          { column: h("name"), before: { type: "text", value: existing.name }, after: { type: "text", value: p.name } },
        ];
      } else {
        p.check.unchanged++;
      }
    }
    return {
      fileIssues: [],
      warnings,
      rows: parsed.map((p) => p.check),
      layout,
      skipped: kinds.skipped,
      subject: "imports.confirm.missingRows",
    };
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
