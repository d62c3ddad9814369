import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import type { Actor } from "../policies/actor";
import { criteriaImporter } from "./criteria";
import { disbursementsImporter } from "./disbursements";
import { changePlans } from "../commands/change-plans";
import type { Effects } from "../commands/effects";
import { runAs, type Tx } from "../commands/run-command";
import { readTable } from "./parse-file";
import { shortagesImporter } from "./shortages";
import type { Change, Checked, CheckedRow, ImportInput, ImportKind, ImportReport, Importer, RowStatus } from "./types";
import { unitsImporter } from "./units";

/**
 * Preview and apply, for every kind of import, from the web and the command line alike. Both
 * read and check the whole file again (nothing is kept between them), so an import applies
 * what the database holds at that moment, and applying the same file twice changes nothing.
 */

const importers: Record<ImportKind, Importer<Change>> = {
  units: unitsImporter,
  criteria: criteriaImporter,
  shortages: shortagesImporter,
  disbursements: disbursementsImporter,
};

/** The preview lists this many row problems and rows; the counts always cover the whole file. */
export const MAX_LISTED_ISSUES = 1000;
export const MAX_LISTED_ROWS = 200;
/** 50,000 rows of 19 criteria are a million records and as many audit events: far more than Prisma's default 5 s allows. */
const TRANSACTION_TIMEOUT_MS = 10 * 60 * 1000;

/** The file would be rejected: it has file-level problems, or row errors and the user did not choose the valid rows only. */
export class ImportRejected extends DomainError {
  constructor(readonly report: ImportReport) {
    super("BAD_REQUEST", "imports.errors.rejected");
  }
}

async function check(db: Db, actor: Actor, input: ImportInput): Promise<Checked<Change> & { rowCount: number }> {
  const read = await readTable(input.fileName, input.content);
  if (!read.ok) return { fileIssues: [read.issue], warnings: [], rows: [], rowCount: 0 };
  const checked = await importers[input.kind].check(db, actor, read.table, {
    period: input.period,
    setCode: input.setCode,
  });
  return { ...checked, rowCount: read.table.rows.length };
}

const statusOf = (row: CheckedRow<Change>): RowStatus =>
  row.issues.length
    ? "error"
    : row.changes.some((c) => c.op === "create")
      ? "create"
      : row.changes.length
        ? "update"
        : "unchanged";

function report(
  input: ImportInput,
  checked: Checked<Change> & { rowCount: number },
  outcome: ImportReport["outcome"],
): ImportReport {
  const valid = checked.rows.filter((r) => !r.issues.length);
  const changes = valid.flatMap((r) => r.changes);
  const issues = checked.rows.flatMap((r) => r.issues);
  return {
    kind: input.kind,
    fileName: input.fileName,
    outcome,
    rowCount: checked.rowCount,
    counts: {
      create: changes.filter((c) => c.op === "create").length,
      update: changes.filter((c) => c.op === "update").length,
      unchanged: valid.reduce((sum, r) => sum + r.unchanged, 0),
      errorRows: checked.rows.length - valid.length,
    },
    fileIssues: checked.fileIssues,
    warnings: checked.warnings,
    issues: issues.slice(0, MAX_LISTED_ISSUES),
    issueCount: issues.length,
    rows: checked.rows.slice(0, MAX_LISTED_ROWS).map((r) => ({ row: r.row, key: r.key, status: statusOf(r) })),
  };
}

/** What importing the file would do, by row and column; writes nothing. */
export async function previewImport(db: Db, actor: Actor, input: ImportInput): Promise<ImportReport> {
  return report(input, await check(db, actor, input), "preview");
}

/**
 * Imports the file: all of it, or with `validOnly` the rows without errors, as one command
 * (server/commands): every change, its audit event and one event for the import itself (which
 * file brought them) commit together, so a failure half-way writes nothing; the plans changed
 * are locked and checked as the forms do. A file whose records are all up to date writes nothing.
 */
export async function applyImport(db: Db, actor: Actor, input: ImportInput): Promise<ImportReport> {
  const checked = await check(db, actor, input);
  const preview = report(input, checked, "applied");
  if (preview.fileIssues.length || (preview.counts.errorRows && !input.validOnly)) throw new ImportRejected(preview);
  const changes = checked.rows.filter((r) => !r.issues.length).flatMap((r) => r.changes);
  if (!changes.length) return preview;
  const importer = importers[input.kind];
  const write = async (tx: Tx, effects: Effects, current: Actor) => {
    await importer.write(tx, current, changes, effects);
    const { fileName, period, setCode, validOnly } = input;
    effects.audit({
      action: `import.${input.kind}`,
      entityType: "Import",
      entityId: randomUUID(),
      after: { fileName, period, setCode, validOnly: !!validOnly, counts: preview.counts },
    });
  };
  const options = { timeoutMs: TRANSACTION_TIMEOUT_MS };
  if (importer.plans)
    await changePlans(
      db,
      actor,
      importer.plans.of(changes),
      importer.plans.right,
      (tx, _plans, effects, current) => write(tx, effects, current),
      options,
    );
  else await runAs(db, actor, (tx, effects, current) => write(tx, effects, current), options);
  return preview;
}
