import type {
  Change,
  Checked,
  CheckedRow,
  Confirmation,
  ImportInput,
  ImportIssue,
  ImportReport,
  RowStatus,
} from "./types";

/**
 * The preview of an import (and, once applied, its result): counts, problems by row and
 * column, the rows that are not data, how the table and its marks were read, each listed
 * row's changes before → after, and what the user must confirm before importing.
 */

/** The preview lists this many row problems, rows and skipped rows; the counts always cover the whole file. */
export const MAX_LISTED_ISSUES = 1000;
export const MAX_LISTED_ROWS = 200;

export type CheckedFile = Checked<Change> & { rowCount: number };

const statusOf = (row: CheckedRow<Change>): RowStatus =>
  row.issues.length
    ? "error"
    : row.changes.some((c) => c.op === "create")
      ? "create"
      : row.changes.length
        ? "update"
        : "unchanged";

/** A row's problems in the order of its columns, left to right, as the user reads the row. */
function inColumnOrder(issues: ImportIssue[], position: Map<string, number>): ImportIssue[] {
  if (issues.length < 2) return issues;
  const at = (issue: ImportIssue) =>
    issue.column === null ? -1 : (position.get(issue.column) ?? Number.MAX_SAFE_INTEGER);
  return [...issues].sort((a, b) => at(a) - at(b));
}

function confirmationsOf(
  checked: CheckedFile,
  valid: CheckedRow<Change>[],
  errorRows: CheckedRow<Change>[],
): Confirmation[] {
  const confirmations: Confirmation[] = (checked.confirmations ?? []).map((c) => ({ ...c, when: "always" }));
  const lowering = valid.filter((r) => r.lowersMoney).length;
  if (lowering)
    confirmations.push({
      key: `money:${lowering}`,
      message: "imports.confirm.moneyLowered",
      params: { count: lowering },
      when: "always",
    });
  if (errorRows.length) {
    // Rows naming the same unit twice are one unit without results, not two.
    const missing = new Set(errorRows.map((r) => r.key || `#${r.row}`)).size;
    confirmations.push({
      key: `skip:${errorRows.length}:${missing}`,
      message: checked.subject ?? "imports.confirm.missingRows",
      params: {
        count: checked.subject === "imports.confirm.missingRows" || !checked.subject ? errorRows.length : missing,
      },
      when: "validOnly",
    });
  }
  return confirmations;
}

export function buildReport(input: ImportInput, checked: CheckedFile, outcome: ImportReport["outcome"]): ImportReport {
  const valid = checked.rows.filter((r) => !r.issues.length);
  const withErrors = checked.rows.filter((r) => r.issues.length);
  let create = 0;
  let update = 0;
  for (const row of valid)
    for (const change of row.changes) {
      if (change.op === "create") create++;
      else update++;
    }
  const position = new Map((checked.layout?.columns ?? []).map((c) => [c.heading, c.index]));
  const issues = withErrors.flatMap((r) => inColumnOrder(r.issues, position));
  const skipped = checked.skipped ?? [];
  return {
    kind: input.kind,
    fileName: input.fileName,
    outcome,
    rowCount: checked.rowCount,
    counts: { create, update, unchanged: valid.reduce((sum, r) => sum + r.unchanged, 0), errorRows: withErrors.length },
    fileIssues: checked.fileIssues,
    warnings: checked.warnings,
    issues: issues.slice(0, MAX_LISTED_ISSUES),
    issueCount: issues.length,
    rows: listed(checked.rows).map((r) => ({
      row: r.row,
      key: r.key,
      status: statusOf(r),
      changes: !r.issues.length && r.describe ? r.describe() : [],
    })),
    layout: checked.layout ?? null,
    skipped: skipped.slice(0, MAX_LISTED_ROWS),
    skippedCount: skipped.length,
    marks: checked.marks ?? null,
    confirmations: checked.fileIssues.length ? [] : confirmationsOf(checked, valid, withErrors),
  };
}

/** The first rows of the file, and every row that lowers money (the user confirms those) up to as many again. */
function listed(rows: CheckedRow<Change>[]) {
  const first = rows.slice(0, MAX_LISTED_ROWS);
  const lowering = rows
    .slice(MAX_LISTED_ROWS)
    .filter((r) => r.lowersMoney && !r.issues.length)
    .slice(0, MAX_LISTED_ROWS);
  return [...first, ...lowering];
}

/** The confirmations importing as asked needs that the user has not given. */
export function unconfirmed(
  report: ImportReport,
  input: Pick<ImportInput, "validOnly" | "confirmations">,
): Confirmation[] {
  const given = new Set(input.confirmations ?? []);
  return report.confirmations.filter((c) => (c.when === "always" || input.validOnly) && !given.has(c.key));
}
