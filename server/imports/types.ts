import type { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import type { Actor } from "../policies/actor";
import type { Effects } from "../commands/effects";
import type { PlanRight } from "../commands/change-plans";

/** What can be imported, and in which files. Safe to import in the browser. */
export const IMPORT_KINDS = ["units", "criteria", "shortages", "disbursements"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILE_MEGABYTES = MAX_FILE_BYTES / 1024 / 1024;
export const ACCEPTED_EXTENSIONS = [".csv", ".xlsx"] as const;

/**
 * A problem found in a file: a message key of the `imports.errors` (or `validation`)
 * catalogue with its values, so that the web page and the command line word it the same way.
 */
export interface ImportIssue {
  /** The row as a spreadsheet numbers it (the header is usually row 1); null for the whole file. */
  row: number | null;
  /** The column's heading as the file writes it; null for a whole row or the whole file. */
  column: string | null;
  message: string;
  params?: Record<string, string | number>;
}

/** A file's content once read: its headings and its data rows, each with its row number. */
export interface SourceTable {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

/** What the caller chose besides the file. */
export interface ImportOptions {
  /** Criteria only: the period assessed ("2025", "2025-H1") and the set (by default the commune set of its year). */
  period?: string;
  setCode?: string;
}

export interface ImportInput extends ImportOptions {
  kind: ImportKind;
  fileName: string;
  content: Uint8Array;
  /** Import the valid rows of a file that has errors, skipping the others. */
  validOnly?: boolean;
}

/** A record an import would create or change. */
export type Change = { op: "create" | "update" };

/** One data row once checked: what it is about, what is wrong with it, and what it would change. */
export interface CheckedRow<C extends Change> {
  row: number;
  /** What the row is about, as the preview names it: a unit code, a plan reference… */
  key: string;
  issues: ImportIssue[];
  changes: C[];
  /** Records the row names that already hold exactly these values. */
  unchanged: number;
}

export interface Checked<C extends Change> {
  /** Problems that make the whole file unusable (wrong headers, unknown criteria set…). */
  fileIssues: ImportIssue[];
  /** Things worth knowing that block nothing (a column that will be ignored). */
  warnings: ImportIssue[];
  rows: CheckedRow<C>[];
}

/**
 * One kind of import: `check` reads a table against the database without writing anything
 * (rights, values, what exists); `write` makes the changes of the rows that passed, as one
 * command (server/commands): inside its transaction, with the actor as read there and the
 * runner's effects for audit events. Imports that change plans name them and the right they
 * need, so that the runner locks and checks every plan as the forms do.
 */
export interface Importer<C extends Change> {
  check(db: Db, actor: Actor, table: SourceTable, options: ImportOptions): Promise<Checked<C>>;
  write(tx: Prisma.TransactionClient, actor: Actor, changes: C[], effects: Effects): Promise<void>;
  plans?: { right: PlanRight; of(changes: C[]): string[] };
}

export type RowStatus = "create" | "update" | "unchanged" | "error";

/** What the user sees before (and after) an import. */
export interface ImportReport {
  kind: ImportKind;
  fileName: string;
  outcome: "preview" | "applied";
  /** Data rows in the file. */
  rowCount: number;
  /** Records to create, to update, already up to date (rows without errors only), and rows with errors. */
  counts: { create: number; update: number; unchanged: number; errorRows: number };
  fileIssues: ImportIssue[];
  warnings: ImportIssue[];
  /** Row problems, by row and column; the first MAX_LISTED_ISSUES of `issueCount`. */
  issues: ImportIssue[];
  issueCount: number;
  /** The first rows with what will happen to each. */
  rows: { row: number; key: string; status: RowStatus }[];
}
