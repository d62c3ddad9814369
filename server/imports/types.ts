import type { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import type { Actor } from "../policies/actor";
import type { PlanRight } from "../commands/change-plans";
import type { Effects } from "../commands/effects";
import type { Sheet } from "./parse-file";
import type {
  ImportIssue,
  ImportKind,
  ImportOptions,
  FieldChange,
  TableLayout,
  SkippedRow,
  MarksReport,
} from "@/lib/domain/imports";

/** What the server reads of an import; what the browser shares with it is in lib/domain/imports.ts. */
export * from "@/lib/domain/imports";

export interface ImportInput extends ImportOptions {
  kind: ImportKind;
  fileName: string;
  content: Uint8Array;
  /** Import the valid rows of a file that has errors, skipping the others. */
  validOnly?: boolean;
  /** Keys of the confirmations the preview asked for, given back by a user who agreed to them. */
  confirmations?: string[];
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
  /** The fields the row changes, for the rows the preview lists (computed only for those). */
  describe?: () => FieldChange[];
  /** The row lowers or clears money: importing it needs a confirmation. */
  lowersMoney?: boolean;
}

export interface Checked<C extends Change> {
  /** Problems that make the whole file unusable (wrong headers, unknown criteria set…). */
  fileIssues: ImportIssue[];
  /** Things worth knowing that block nothing (a column that will be ignored, a total that does not add up). */
  warnings: ImportIssue[];
  rows: CheckedRow<C>[];
  layout?: TableLayout | null;
  skipped?: SkippedRow[];
  marks?: MarksReport;
  /** What the user must agree to before importing (marks read, money lowered). */
  confirmations?: { key: string; message: string; params?: Record<string, string | number> }[];
  /** The message for rows left out by "valid rows only" ("4 xã sẽ không có kết quả"), by what rows name. */
  subject?: string;
}

/**
 * One kind of import: `check` finds the table in a workbook and reads it against the database
 * without writing anything (rights, values, what exists); `write` makes the changes of the rows
 * that passed, as one command (server/commands): inside its transaction, with the actor as read
 * there and the runner's effects for audit events. Imports that change plans name them and the
 * right they need, so that the runner locks and checks every plan as the forms do.
 */
export interface Importer<C extends Change> {
  check(
    db: Db,
    actor: Actor,
    book: Sheet[],
    options: ImportOptions & { remembered?: Map<string, string> },
  ): Promise<Checked<C>>;
  write(tx: Prisma.TransactionClient, actor: Actor, changes: C[], effects: Effects): Promise<void>;
  plans?: { right: PlanRight; of(changes: C[]): string[] };
}
