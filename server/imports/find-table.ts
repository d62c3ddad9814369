import {
  type Columns,
  type ColumnMapping,
  headingKey,
  type HeaderCell,
  IGNORE,
  matchColumns,
  recogniser,
  type Vocabulary,
} from "./columns";
import { MAX_ROWS, type RawRow, type Sheet } from "./parse-file";
import { isIndexRow, type RowKinds, sortRows } from "./row-kinds";
import type { ImportIssue, ImportOptions, SkippedRow, TableLayout } from "./types";

/**
 * Finds the table in an official's workbook: the sheet and the header row(s) below a title
 * block, scored by how many of the kind's headings they hold; a two-row header (a group
 * heading over the criteria) is joined into one; rows under it are sorted into data and not
 * data (row-kinds.ts). The user may name the sheet and the header row instead.
 */

const MAX_COLUMNS = 200;
/** The header is looked for among the first rows of a sheet (title blocks are a dozen rows at most). */
const HEADER_SEARCH = 40;

export type TableRead<K extends string> =
  | {
      ok: true;
      columns: Columns<K>;
      kinds: RowKinds;
      layout: TableLayout;
      /** The rows above the header: the title block, where a unit of money may be stated. */
      above: RawRow[];
      warnings: ImportIssue[];
    }
  | {
      ok: false;
      fileIssues: ImportIssue[];
      warnings: ImportIssue[];
      layout: TableLayout | null;
      skipped?: SkippedRow[];
    };

const clean = (text: string | undefined) => (text ?? "").replace(/\s+/g, " ").trim();

/** The header cells of one row, or of two rows joined: the lower row names a column, the upper one its group. */
export function headerOf(rows: RawRow[]): HeaderCell[] {
  const [top, bottom] = rows as [RawRow, RawRow | undefined];
  const width = Math.max(top.cells.length, bottom?.cells.length ?? 0);
  const cells: HeaderCell[] = [];
  let carried = "";
  for (let index = 0; index < width; index++) {
    const upper = clean(top.cells[index]) || clean(top.merged?.[index]);
    if (!bottom) {
      cells.push({ index, heading: clean(top.cells[index]), group: "" });
      continue;
    }
    const lower = clean(bottom.cells[index]);
    // A CSV loses merges: a group heading written once stands over the columns to its right.
    if (clean(top.cells[index])) carried = clean(top.cells[index]);
    else if (!lower) carried = "";
    cells.push(lower ? { index, heading: lower, group: upper || carried } : { index, heading: upper, group: "" });
  }
  return cells;
}

type Choice = Pick<ImportOptions, "sheet" | "headerRow" | "headerRows">;
type Mapping = { chosen?: ColumnMapping; remembered?: ColumnMapping };

function scorer<K extends string>(vocabulary: Vocabulary<K>, mapping: Mapping) {
  const recognise = recogniser(vocabulary);
  const required = vocabulary.specs.filter((s) => s.required).map((s) => s.key);
  return (header: HeaderCell[]) => {
    const keys = new Set<string>();
    for (const cell of header) {
      const label = headingKey(cell.heading);
      const told = mapping.chosen?.get(label) ?? mapping.remembered?.get(label);
      const key = told ?? recognise(label, headingKey(cell.group));
      if (key && key !== IGNORE) keys.add(key);
    }
    const satisfied =
      required.filter((k) => keys.has(k)).length +
      (vocabulary.oneOf ?? []).filter((pair) => pair.some((k) => keys.has(k))).length;
    return keys.size + 3 * satisfied;
  };
}

type Found = { sheet: Sheet; at: number; count: 1 | 2; score: number };

/** The best header of a sheet: the row (or pair of rows) whose headings the kind knows best. */
function bestHeader(sheet: Sheet, score: (h: HeaderCell[]) => number, choice: Choice): Found | null {
  const rows = sheet.rows;
  const candidates =
    choice.headerRow !== undefined
      ? [rows.findIndex((r) => r.row === choice.headerRow)].filter((i) => i >= 0)
      : rows.slice(0, HEADER_SEARCH).map((_, i) => i);
  const single = new Map<number, number>();
  const singleScore = (i: number) => {
    if (!single.has(i)) single.set(i, rows[i] ? score(headerOf([rows[i]!])) : 0);
    return single.get(i)!;
  };
  let best: Found | null = null;
  for (const at of candidates) {
    for (const count of [1, 2] as const) {
      if (choice.headerRows && choice.headerRows !== count) continue;
      const next = rows[at + 1];
      if (count === 2 && (!next || next.row !== rows[at]!.row + 1 || isIndexRow(next.cells))) continue;
      let s = count === 1 ? singleScore(at) : score(headerOf(rows.slice(at, at + 2)));
      // Two rows are one header only when together they say more than either alone (a title
      // line above a header adds nothing, a group heading over "1 2 3…" does).
      if (count === 2 && !choice.headerRows && s <= Math.max(singleScore(at), singleScore(at + 1))) s = -1;
      if (!best || s > best.score) best = { sheet, at, count, score: s };
    }
  }
  return best;
}

function locate<K extends string>(sheets: Sheet[], vocabulary: Vocabulary<K>, choice: Choice, mapping: Mapping) {
  const names = sheets.map((s) => s.name);
  let pool = sheets;
  if (choice.sheet?.trim()) {
    const wanted = choice.sheet.trim();
    const byNumber = /^\d+$/.test(wanted) ? sheets[Number(wanted) - 1] : undefined;
    const byName = sheets.find((s) => headingKey(s.name) === headingKey(wanted));
    const sheet = byName ?? byNumber;
    if (!sheet) return { issue: fileIssue("imports.errors.sheetUnknown", { sheet: wanted, sheets: names.join(", ") }) };
    pool = [sheet];
  }
  const score = scorer(vocabulary, mapping);
  // The table is on the sheet whose header the kind knows best: a summary sheet before it scores less.
  let best: Found | null = null;
  for (const sheet of pool) {
    const found = bestHeader(sheet, score, choice);
    if (found && (!best || found.score > best.score)) best = found;
  }
  if (!best)
    return { issue: fileIssue("imports.errors.headerRowEmpty", { row: choice.headerRow ?? 1, sheet: pool[0]!.name }) };
  return { found: best, names };
}

/**
 * A value that names a record (a code "03180", a date "05/03/2025"): it has a digit and is not
 * words, so a note or a signature line written in the code column is still told from data.
 */
const isRecordValue = (cell: string) => {
  const text = cell.trim();
  return /\d/.test(text) && (/^\d/.test(text) || !/\s/.test(text));
};

const fileIssue = (message: string, params?: ImportIssue["params"]): ImportIssue => ({
  row: null,
  column: null,
  message,
  params,
});

/**
 * The table of a workbook for a kind of import: its columns, its data rows and the rows that
 * are not data. `namesRecord` keys (a unit's code) make a row data whatever its words;
 * `figures` keys are the columns a total row sums up.
 */
export function readTable<K extends string>(
  sheets: Sheet[],
  vocabulary: Vocabulary<K>,
  options: Choice & { mapping?: Record<string, string>; remembered?: ColumnMapping },
  recordKeys: K[],
  figureKeys: (columns: Columns<K>) => K[] = () => [],
): TableRead<K> {
  const chosen = new Map(
    Object.entries(options.mapping ?? {}).map(([heading, target]) => [headingKey(heading), target]),
  );
  const mapping = { chosen, remembered: options.remembered };
  const located = locate(sheets, vocabulary, options, mapping);
  if (!located.found) return { ok: false, fileIssues: [located.issue], warnings: [], layout: null };
  const { sheet, at, count } = located.found;
  const headerRows = sheet.rows.slice(at, at + count);
  const header = headerOf(headerRows);
  const where = { headerRow: headerRows.map((r) => r.row).join("–"), sheet: sheet.name };
  const layout: TableLayout = {
    sheets: located.names,
    sheet: sheet.name,
    headerRows: headerRows.map((r) => r.row),
    columns: [],
    targets: vocabulary.targets,
  };
  if (header.length > MAX_COLUMNS)
    return {
      ok: false,
      fileIssues: [fileIssue("imports.errors.tooManyColumns", { max: MAX_COLUMNS })],
      warnings: [],
      layout,
    };
  const matched = matchColumns(header, vocabulary, mapping);
  layout.columns = matched.layout;
  // Whole-file problems say once which row was taken as the header and on which sheet.
  const fileIssues = matched.fileIssues.map((issue) => ({ ...issue, params: { ...issue.params, ...where } }));
  if (fileIssues.length) return { ok: false, fileIssues, warnings: matched.warnings, layout };

  const { columns } = matched;
  const recordIndexes = recordKeys.flatMap((k) => columns.indexOf(k) ?? []);
  const kinds = sortRows(
    sheet.rows.slice(at + count),
    (cells) => recordIndexes.some((i) => isRecordValue(cells[i] ?? "")),
    figureKeys(columns).flatMap((k) => columns.indexOf(k) ?? []),
  );
  // A template with nothing but its example row: the example is shown as skipped, and the file as empty.
  if (!kinds.data.length)
    return {
      ok: false,
      fileIssues: [fileIssue("imports.errors.noRows", where)],
      warnings: matched.warnings,
      layout,
      skipped: kinds.skipped,
    };
  if (kinds.data.length > MAX_ROWS)
    return {
      ok: false,
      fileIssues: [fileIssue("imports.errors.tooManyRows", { max: MAX_ROWS })],
      warnings: matched.warnings,
      layout,
    };
  return { ok: true, columns, kinds, layout, above: sheet.rows.slice(0, at), warnings: matched.warnings };
}
