import type { AssessmentResult } from "../db/generated/client";
import { setAllowsResult, setAppliesTo } from "../criteria/assessments";
import { PERIOD_PATTERN } from "../planning/figures";
import { can } from "../policies";
import { writeAssessments } from "../criteria/write-assessments";
import { type CriteriaKey, criteriaVocabulary, resolveSet } from "./criteria-columns";
import { readTable } from "./find-table";
import { chosenMarks, MarkReader, marksConfirmation, readLegend } from "./marks";
import { flagDuplicates, type KnownUnit, loadUnitsByCode, RowCheck } from "./rows";
import { checkTotals, statedCount } from "./totals";
import type { ImportIssue, Importer, Result } from "./types";
import { unitsByName } from "./unit-names";

/**
 * The officials' wide table of criteria results: one row per unit (by code, or by name within
 * the province), one column per criterion, for a period and a criteria set chosen at import.
 * An empty cell leaves the criterion as it is (unless a legend says it means Chưa đạt); a
 * result is recorded under the same rules as the unit's own form (server/criteria/assessments.ts).
 */

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
const MEETS = new Set<Result>(["met", "advanced", "model"]);

export const criteriaImporter: Importer<AssessmentChange> = {
  async check(db, actor, book, options) {
    const period = (options.period ?? "").trim().toUpperCase();
    if (!PERIOD_PATTERN.test(period)) return { fileIssues: [fileIssue("validation.period")], warnings: [], rows: [] };
    const { set, issue } = await resolveSet(db, period, options.setCode?.trim() || undefined);
    if (!set) return { fileIssues: [issue], warnings: [], rows: [] };

    const criterionByKey = new Map(set.criteria.map((c) => [`tc${c.number}` as CriteriaKey, c.id]));
    const table = readTable(book, criteriaVocabulary(set), options, ["code"], (columns) =>
      columns.keys().filter((k) => criterionByKey.has(k)),
    );
    if (!table.ok) return { ...table, rows: [] };
    const { columns, kinds, layout } = table;
    const warnings = [...table.warnings];
    const fileIssues: ImportIssue[] = [];
    const h = (key: CriteriaKey) => columns.heading(key);
    // A 19-column template used for a set of 10 leaves TC11…TC19 empty: those are ignored, not refused.
    const criterionKeys = columns
      .keys()
      .filter(
        (key) =>
          key.startsWith("tc") &&
          (criterionByKey.has(key) || kinds.data.some(({ cells }) => columns.value(cells, key))),
      );
    for (const key of columns.keys().filter((key) => key.startsWith("tc") && !criterionByKey.has(key))) {
      const issue = { row: null, column: h(key), params: { set: set.code, column: h(key) } };
      if (criterionKeys.includes(key)) fileIssues.push({ ...issue, message: "imports.errors.criterionUnknown" });
      else warnings.push({ ...issue, message: "imports.errors.unknownColumn" });
    }
    if (!criterionKeys.length) fileIssues.push(fileIssue("imports.errors.noCriteriaColumns"));
    if (fileIssues.length) return { fileIssues, warnings, rows: [], layout };

    const legend = readLegend(
      [...table.above, ...kinds.notes].map((r) => ({ row: r.row, text: r.cells.filter(Boolean).join(" ") })),
    );
    const { chosen, blank } = chosenMarks(options.marks);
    const marks = new MarkReader(chosen, blank, legend);
    const parsed = kinds.data.map(({ row, cells }) => {
      const code = columns.value(cells, "code");
      const name = columns.value(cells, "name");
      const check = new RowCheck<AssessmentChange>(row, code || name);
      if (!code && !name) check.error(h(columns.has("code") ? "code" : "name"), "validation.required");
      const results = criterionKeys.flatMap((key) => {
        const text = columns.value(cells, key);
        const result = marks.read(text);
        if (result === "blank") return [];
        if (!result) check.error(h(key), "imports.errors.badResult", { value: text });
        else if (!setAllowsResult(set, result)) check.error(h(key), "validation.noLevels");
        return result ? [{ key, criterionId: criterionByKey.get(key)!, result }] : [];
      });
      return { check, code, name, results, group: kinds.groupOf.get(row) };
    });

    // Results describe the units in force when the period began (a 2025 report, the communes before the reform).
    const byCode = await loadUnitsByCode(
      db,
      parsed.map((p) => p.code),
      { inForceOn: `${period.slice(0, 4)}-01-01` },
    );
    const byName = parsed.some((p) => !p.code && p.name) ? await unitsByName(db, actor) : null;
    const found = parsed.map((p): KnownUnit | undefined => {
      if (p.code) return byCode(p.code);
      if (!p.name || !byName) return undefined;
      const lookup = byName(p.name, [set.unitLevel], p.group?.cells.filter(Boolean).join(" "));
      if ("unit" in lookup) return lookup.unit;
      p.check.error(h("name"), lookup.issue, { name: p.name, candidates: lookup.candidates });
      return undefined;
    });
    // Judged on the unit a row names: "3180" and "03180", or a code and a name, are the same commune.
    flagDuplicates(
      parsed.map((p, i) => ({ ...p, unit: found[i] })),
      (p) => p.unit?.id ?? (p.code || p.name || null),
      (p) => p.check,
      h(columns.has("code") ? "code" : "name"),
    );
    const units = parsed.map((p, i) => {
      const unit = found[i];
      const column = h(p.code ? "code" : "name");
      // A unit the user may not see is reported like one that does not exist, so that codes reveal nothing.
      if (p.code && (!unit || !can(actor, "unit.view", unit)))
        p.check.error(column, "imports.errors.unitUnknown", { code: p.code });
      else if (unit && !can(actor, "unit.assess", unit)) p.check.error(column, "imports.errors.assessNotAllowed");
      else if (unit && !setAppliesTo(set, unit)) p.check.error(column, "validation.setLevel");
      return p.check.ok ? unit : undefined;
    });

    const figures = criterionKeys.map((key) => ({
      index: columns.indexOf(key)!,
      heading: h(key),
      ofRow: (cell: string) => (MEETS.has(marks.peek(cell) as Result) ? 1n : 0n),
      stated: statedCount,
    }));
    warnings.push(...checkTotals(kinds, figures, figures));

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
      if (!p.code) p.check.key = `${unit.code} · ${p.name}`;
      const changed: { key: CriteriaKey; before: AssessmentResult | null; result: AssessmentResult }[] = [];
      for (const { key, criterionId, result } of p.results) {
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
        else {
          p.check.unchanged++;
          continue;
        }
        changed.push({ key, before: before?.result ?? null, result });
      }
      p.check.describe = () =>
        changed.map((c) => ({
          column: h(c.key),
          before: c.before && { type: "result" as const, value: c.before },
          after: { type: "result" as const, value: c.result },
        }));
    });
    return {
      fileIssues,
      warnings,
      rows: parsed.map((p) => p.check),
      layout,
      skipped: kinds.skipped,
      marks: marks.report(),
      confirmations: marksConfirmation(marks),
      subject: set.unitLevel === "district" ? "imports.confirm.missingDistricts" : "imports.confirm.missingCommunes",
    };
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
