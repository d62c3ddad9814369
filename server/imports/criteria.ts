import type { Db } from "../db/client";
import type { AssessmentResult } from "../db/generated/client";
import { criteriaSetWhere, setAllowsResult, setAppliesTo, setCoversPeriod } from "../criteria/assessments";
import { PERIOD_PATTERN } from "../planning/figures";
import { can } from "../policies";
import { type ColumnSpec, labelLookup, matchColumns } from "./columns";
import { writeAssessments } from "../criteria/write-assessments";
import { flagDuplicates, loadUnitsByCode, RowCheck } from "./rows";
import type { ImportIssue, Importer } from "./types";

/**
 * The officials' wide table of criteria results: one row per unit, one column per criterion
 * (`Mã đơn vị, Tên đơn vị, TC1 … TCn`), for a period and a criteria set chosen at import. An
 * empty cell leaves the criterion as it is; a result is recorded under the same rules as the
 * unit's own form (server/criteria/assessments.ts).
 */

type Key = "code" | "name" | `tc${number}`;
export const CRITERIA_COLUMNS: ColumnSpec<"code" | "name">[] = [
  { key: "code", heading: "Mã đơn vị", aliases: ["Mã", "code", "unit code"], required: true },
  { key: "name", heading: "Tên đơn vị", aliases: ["Tên", "name"], required: false },
];
/** "TC1", "TC 01", "Tiêu chí 1", "Tiêu chí số 1" → criterion number 1. */
const CRITERION_HEADING = /^(?:tc|tieu chi)(?: so)? ?0*(\d{1,3})$/;
export const criterionHeading = (number: number) => `TC${number}`;

export const parseResult = labelLookup<AssessmentResult>([
  ["met", ["đạt"]],
  ["not_met", ["chưa đạt", "không đạt"]],
  ["advanced", ["nâng cao", "đạt nâng cao", "NTM nâng cao"]],
  ["model", ["kiểu mẫu", "đạt kiểu mẫu", "NTM kiểu mẫu"]],
]);

export type AssessmentChange =
  | { op: "create"; unitId: string; criterionId: string; period: string; result: AssessmentResult }
  | {
      op: "update";
      id: string;
      unitId: string;
      criterionId: string;
      period: string;
      before: AssessmentResult;
      result: AssessmentResult;
    };

const fileIssue = (message: string, params?: ImportIssue["params"]): ImportIssue => ({
  row: null,
  column: null,
  message,
  params,
});

/** The set the period is assessed on, or why there is none to use. */
async function resolveSet(db: Db, period: string, setCode: string | undefined) {
  const sets = await db.criteriaSet.findMany({
    where: criteriaSetWhere(period, setCode),
    take: 2,
    select: {
      id: true,
      code: true,
      unitLevel: true,
      hasLevels: true,
      periodStart: true,
      periodEnd: true,
      criteria: { select: { id: true, number: true } },
    },
  });
  if (!sets.length)
    return {
      issue: setCode
        ? fileIssue("imports.errors.setUnknown", { set: setCode })
        : fileIssue("imports.errors.noSetForYear", { year: period.slice(0, 4) }),
    };
  // Without a code, a second commune set for the same years would make the choice arbitrary.
  if (sets.length > 1) return { issue: fileIssue("imports.errors.setAmbiguous", { year: period.slice(0, 4) }) };
  const set = sets[0]!;
  if (!setCoversPeriod(set, period)) return { issue: fileIssue("validation.periodOutsideSet") };
  return { set };
}

export const criteriaImporter: Importer<AssessmentChange> = {
  async check(db, actor, table, options) {
    const period = (options.period ?? "").trim().toUpperCase();
    if (!PERIOD_PATTERN.test(period)) return { fileIssues: [fileIssue("validation.period")], warnings: [], rows: [] };
    const { set, issue } = await resolveSet(db, period, options.setCode?.trim() || undefined);
    if (!set) return { fileIssues: [issue], warnings: [], rows: [] };

    const { columns, fileIssues, warnings } = matchColumns<Key>(table, CRITERIA_COLUMNS, (label) => {
      const match = CRITERION_HEADING.exec(label);
      return match ? `tc${Number(match[1])}` : null;
    });
    const criterionByKey = new Map(set.criteria.map((c) => [`tc${c.number}` as Key, c.id]));
    // A 19-column template used for a set of 10 leaves TC11…TC19 empty: those are ignored, not refused.
    const criterionKeys = columns
      .keys()
      .filter(
        (key) =>
          key.startsWith("tc") &&
          (criterionByKey.has(key) || table.rows.some(({ cells }) => columns.value(cells, key))),
      );
    for (const key of columns.keys().filter((key) => key.startsWith("tc") && !criterionByKey.has(key))) {
      const issue = {
        row: null,
        column: columns.heading(key),
        params: { set: set.code, column: columns.heading(key) },
      };
      if (criterionKeys.includes(key)) fileIssues.push({ ...issue, message: "imports.errors.criterionUnknown" });
      else warnings.push({ ...issue, message: "imports.errors.unknownColumn" });
    }
    if (!criterionKeys.length) fileIssues.push(fileIssue("imports.errors.noCriteriaColumns"));
    if (fileIssues.length) return { fileIssues, warnings, rows: [] };

    const parsed = table.rows.map(({ row, cells }) => {
      const code = columns.value(cells, "code");
      const check = new RowCheck<AssessmentChange>(row, code);
      if (!code) check.error(columns.heading("code"), "validation.required");
      const results = criterionKeys.flatMap((key) => {
        const text = columns.value(cells, key);
        if (!text) return [];
        const result = parseResult(text);
        if (!result) check.error(columns.heading(key), "imports.errors.badResult", { value: text });
        else if (!setAllowsResult(set, result)) check.error(columns.heading(key), "validation.noLevels");
        return result ? [{ criterionId: criterionByKey.get(key)!, result }] : [];
      });
      return { check, code, results };
    });
    const find = await loadUnitsByCode(
      db,
      parsed.map((p) => p.code),
    );
    // Judged on the unit a row names: "3180" and "03180" are the same commune.
    flagDuplicates(
      parsed,
      (p) => (p.code ? (find(p.code)?.id ?? p.code) : null),
      (p) => p.check,
      columns.heading("code"),
    );
    const units = parsed.map((p) => {
      const unit = p.code ? find(p.code) : undefined;
      // A unit the user may not see is reported like one that does not exist, so that codes reveal nothing.
      if (p.code && (!unit || !can(actor, "unit.view", unit)))
        p.check.error(columns.heading("code"), "imports.errors.unitUnknown", { code: p.code });
      else if (unit && !can(actor, "unit.assess", unit))
        p.check.error(columns.heading("code"), "imports.errors.assessNotAllowed");
      else if (unit && !setAppliesTo(set, unit)) p.check.error(columns.heading("code"), "validation.setLevel");
      return p.check.ok ? unit : undefined;
    });

    const unitIds = units.flatMap((u) => (u ? [u.id] : []));
    const existing = await db.$queryRaw<
      { id: string; unitId: string; criterionId: string; result: AssessmentResult }[]
    >`
      SELECT id, "unitId", "criterionId", result::text AS result FROM "CriterionAssessment"
      WHERE period = ${period} AND "criterionId" = ANY(${[...criterionByKey.values()]}) AND "unitId" = ANY(${unitIds})`;
    const byPair = new Map(existing.map((a) => [`${a.unitId}:${a.criterionId}`, a]));
    parsed.forEach((p, i) => {
      const unit = units[i];
      if (!unit || !p.check.ok) return;
      for (const { criterionId, result } of p.results) {
        const before = byPair.get(`${unit.id}:${criterionId}`);
        if (!before) p.check.changes.push({ op: "create", unitId: unit.id, criterionId, period, result });
        else if (before.result !== result)
          p.check.changes.push({
            op: "update",
            id: before.id,
            unitId: unit.id,
            criterionId,
            period,
            before: before.result,
            result,
          });
        else p.check.unchanged++;
      }
    });
    return { fileIssues, warnings, rows: parsed.map((p) => p.check) };
  },

  async write(tx, actor, changes, effects) {
    // The same write as a unit's form: only the result changes, a note or evidence recorded there stays.
    await writeAssessments(
      tx,
      actor,
      effects,
      changes.map(({ unitId, criterionId, period, result }) => ({ unitId, criterionId, period, result })),
    );
  },
};
