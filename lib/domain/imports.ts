/**
 * What an import is, as the browser and the server share it: the kinds, the limits, the report
 * a preview shows and how its values read. The server's side (reading, checking, writing) is
 * in server/imports.
 */
/** What can be imported, and in which files. Safe to import in the browser. */
export const IMPORT_KINDS = ["units", "criteria", "shortages", "disbursements"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILE_MEGABYTES = MAX_FILE_BYTES / 1024 / 1024;
export const ACCEPTED_EXTENSIONS = [".csv", ".xlsx"] as const;
/** What a cell says to clear a stored value (an empty cell keeps it). */
export const CLEAR_MARKER = "xóa";
export const RESULTS = ["met", "not_met", "advanced", "model"] as const;
export type Result = (typeof RESULTS)[number];
/** What an empty criterion cell means: the stored result stays, or the criterion is not met. */
export type BlankMeaning = "keep" | "not_met";

/**
 * A problem found in a file: a message key of the `imports.errors` (or `validation`)
 * catalogue with its values, so that the web page and the command line word it the same way.
 */
export interface ImportIssue {
  /** The row as a spreadsheet numbers it; null for the whole file. */
  row: number | null;
  /** The column's heading as the file writes it; null for a whole row or the whole file. */
  column: string | null;
  message: string;
  params?: Record<string, string | number>;
}

/** What the caller chose besides the file. */
export interface ImportOptions {
  /** Criteria only: the period assessed ("2025", "2025-H1") and the set (by default the commune set of its year). */
  period?: string;
  setCode?: string;
  /** Shortages and disbursements: the plan of the whole file ("2543/KH-SGDĐT"), for annexes without plan columns. */
  planReference?: string;
  /** The plan's issuing unit, where two units issued plans with the same number. */
  planUnitCode?: string;
  /** The sheet of the table, by name or number (1 = the first); found by its headings when not given. */
  sheet?: string;
  /** The row of the header (its upper row when it has two), and how many rows it has; found when not given. */
  headerRow?: number;
  headerRows?: 1 | 2;
  /** What columns are: heading as the file writes it → a column key of the kind, or "ignore". */
  mapping?: Record<string, string>;
  /** Criteria: what marks mean ("x" → met); "" is the empty cell ("keep" or "not_met"). */
  marks?: Record<string, string>;
}

/** A value as the preview shows it: money in đồng, dates as dd/mm/yyyy, results and words in the reader's language. */
export type ShownValue =
  | { type: "money"; value: string }
  | { type: "date"; value: string }
  | { type: "result"; value: Result }
  | { type: "level" | "category" | "source"; value: string }
  | { type: "text"; value: string };

/** One field a row changes, before → after (null: no value). */
export interface FieldChange {
  column: string;
  before: ShownValue | null;
  after: ShownValue | null;
}

/** Why a row of the file is not data. */
export const SKIP_REASONS = [
  "index",
  "example",
  "group",
  "subtotal",
  "total",
  "rate",
  "legend",
  "notes",
  "signature",
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];
export interface SkippedRow {
  row: number;
  reason: SkipReason;
  /** The row's first words, as the file writes them. */
  text: string;
}

/** A column of the file and what it was read as. */
export interface ColumnLayout {
  index: number;
  heading: string;
  /** A column key of the kind, or null when ignored. */
  target: string | null;
  how: "recognised" | "mapped" | "remembered" | "ignored" | "unknown";
}

/** Where the table was found and how its columns were read. */
export interface TableLayout {
  sheets: string[];
  sheet: string;
  /** The header's rows (one or two), as the spreadsheet numbers them. */
  headerRows: number[];
  columns: ColumnLayout[];
  /** What a column may be mapped to, for the mapping step. */
  targets: { key: string; label: string }[];
}

/** How the criteria marks of a file are read. */
export interface MarksReport {
  marks: { mark: string; result: Result; count: number; from: "word" | "default" | "legend" | "chosen" }[];
  blank: { meaning: BlankMeaning; count: number; from: "default" | "legend" | "chosen" };
  /** The row of a legend found in the file. */
  legendRow: number | null;
}

export type RowStatus = "create" | "update" | "unchanged" | "error";

/** Something the user must agree to before the import is applied. */
export interface Confirmation {
  /** Changes when what is confirmed changes (counts, meanings), so a stale agreement does not count. */
  key: string;
  message: string;
  params?: Record<string, string | number>;
  /** Whether importing as asked needs it: skipping error rows only matters when the valid rows only are imported. */
  when: "always" | "validOnly";
}

/** What the user sees before (and after) an import. */
export interface ImportReport {
  kind: ImportKind;
  fileName: string;
  outcome: "preview" | "applied";
  /** Data rows in the file (rows that are not data are not counted). */
  rowCount: number;
  /** Records to create, to update, already up to date (rows without errors only), and rows with errors. */
  counts: { create: number; update: number; unchanged: number; errorRows: number };
  fileIssues: ImportIssue[];
  warnings: ImportIssue[];
  /** Row problems, by row and column; the first MAX_LISTED_ISSUES of `issueCount`. */
  issues: ImportIssue[];
  issueCount: number;
  /** The first rows with what will happen to each, and the fields they change. */
  rows: { row: number; key: string; status: RowStatus; changes: FieldChange[] }[];
  layout: TableLayout | null;
  /** Rows that are not data (title, group, total, signature…), the first MAX_LISTED_ROWS of `skippedCount`. */
  skipped: SkippedRow[];
  skippedCount: number;
  marks: MarksReport | null;
  confirmations: Confirmation[];
}

/** A shown value as text, with the reader's translator: "1.500.000.000 đồng", "20/11/2025", "Đạt". */
export function showValue(value: ShownValue, t: (key: string, params?: Record<string, string>) => string): string {
  switch (value.type) {
    case "money":
      return t("imports.inDong", { amount: new Intl.NumberFormat("vi-VN").format(BigInt(value.value)) });
    case "date":
      return value.value.split("-").reverse().join("/");
    case "result":
      return t(`criteria.results.${value.value}`);
    case "level":
      return t(`levels.${value.value}`);
    case "category":
      return t(`shortages.categories.${value.value}`);
    case "source":
      return t(`budget.sources.${value.value}`);
    default:
      return value.value;
  }
}
