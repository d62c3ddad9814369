import type { z } from "zod";
import type { Db } from "../db/client";
import type { UnitLevel } from "../db/generated/client";
import { PRE_REFORM_SUFFIX } from "../reference/province-tree";
import type { Change, CheckedRow, FieldChange, ImportIssue } from "./types";

/** A row being checked: issues are added as they are found; a row with any issue changes nothing. */
export class RowCheck<C extends Change> implements CheckedRow<C> {
  issues: ImportIssue[] = [];
  changes: C[] = [];
  unchanged = 0;
  describe?: () => FieldChange[];
  lowersMoney?: boolean;

  constructor(
    readonly row: number,
    public key: string,
  ) {}

  error(column: string | null, message: string, params?: ImportIssue["params"]) {
    this.issues.push({ row: this.row, column, message, params });
  }

  get ok() {
    return this.issues.length === 0;
  }
}

/**
 * Rows that name the same record twice. Which of them the official meant cannot be told, so
 * every one of them is an error pointing at the others, and none is imported.
 */
export function flagDuplicates<T>(
  items: T[],
  keyOf: (item: T) => string | null,
  checkOf: (item: T) => RowCheck<Change>,
  column: string,
) {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== null) groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const item of group) {
      const others = group.filter((other) => other !== item).map((other) => checkOf(other).row);
      checkOf(item).error(column, "imports.errors.duplicateRow", { rows: others.join(", ") });
    }
  }
}

export interface KnownUnit {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
  path: string;
  depth: number;
  parentCode: string | null;
  /** ISO dates, inclusive; null when open. */
  validFrom: string | null;
  validTo: string | null;
}

/** Official codes are digits with leading zeros, as many as the level has, which Excel drops from numeric cells. */
const OFFICIAL_WIDTH: Partial<Record<UnitLevel, number>> = { province: 2, district: 3, commune: 5 };
const WIDTHS = Object.values(OFFICIAL_WIDTH);
const paddings = (code: string, widths: number[] = WIDTHS) =>
  /^\d+$/.test(code) ? widths.filter((n) => n > code.length).map((n) => code.padStart(n, "0")) : [];

/**
 * The units a file names, loaded in one query and found by code. A code Excel turned into a
 * number ("3180" for "03180") is found by its zero-padded form when exactly one such unit exists,
 * padded only to the width of that unit's level; when the row says which level it means, only
 * to that level's width, so that a new province "97" is not taken for the district "097".
 * With `inForceOn` (results of a period), a code that a commune of today took over from one of
 * the communes it was formed from means the old one when only the old one was in force then:
 * a 2025 report's "03253" is Thị trấn Tuần Giáo ("03253-cu"), not today's Xã Tuần Giáo.
 */
export async function loadUnitsByCode(
  db: Pick<Db, "$queryRaw">,
  codes: Iterable<string>,
  { inForceOn }: { inForceOn?: string } = {},
) {
  const official = [...new Set([...codes].flatMap((code) => [code, ...paddings(code)]))].filter(Boolean);
  const wanted = inForceOn ? official.flatMap((code) => [code, `${code}${PRE_REFORM_SUFFIX}`]) : official;
  const rows = await db.$queryRaw<KnownUnit[]>`
    SELECT u.id, u.code, u.name, u.level::text AS level, u.path, u.depth, p.code AS "parentCode",
      to_char(u."validFrom", 'YYYY-MM-DD') AS "validFrom", to_char(u."validTo", 'YYYY-MM-DD') AS "validTo"
    FROM "OrgUnit" u LEFT JOIN "OrgUnit" p ON p.id = u."parentId"
    WHERE u.code = ANY(${wanted})`;
  const byCode = new Map(rows.map((unit) => [unit.code, unit]));
  const inForce = (unit: KnownUnit, day: string) =>
    (!unit.validFrom || unit.validFrom <= day) && (!unit.validTo || day <= unit.validTo);
  const asOfThen = (unit: KnownUnit | undefined) => {
    if (!unit || !inForceOn || inForce(unit, inForceOn)) return unit;
    const predecessor = byCode.get(`${unit.code}${PRE_REFORM_SUFFIX}`);
    return predecessor && inForce(predecessor, inForceOn) ? predecessor : unit;
  };
  return (code: string, level?: UnitLevel | null): KnownUnit | undefined => {
    const exact = byCode.get(code);
    if (exact) return asOfThen(exact);
    const widths = level ? [OFFICIAL_WIDTH[level] ?? 0] : WIDTHS;
    const padded = paddings(code, widths).flatMap((c) => {
      const unit = byCode.get(c);
      return unit && OFFICIAL_WIDTH[unit.level] === c.length ? [unit] : [];
    });
    return padded.length === 1 ? asOfThen(padded[0]) : undefined;
  };
}

/** Splits a list into slices of `size`: bulk statements stay well under PostgreSQL's 65,535 parameters. */
export { chunks } from "../db/bulk-insert";

const MESSAGE_KEY = /^[a-z]+\.[A-Za-z]+$/;

/**
 * The message key of a failed zod check. The planning schemas word their checks as keys of the
 * `validation` catalogue, but a union that fails every branch (an optional amount that is
 * neither empty nor money) only says "Invalid input": the key then comes from its branches.
 */
export function issueKey(issue: z.core.$ZodIssue): string {
  if (MESSAGE_KEY.test(issue.message)) return issue.message;
  if (issue.code === "invalid_union") {
    for (const inner of issue.errors.flat()) {
      const key = issueKey(inner);
      if (key !== "imports.errors.badValue") return key;
    }
  }
  return "imports.errors.badValue";
}
