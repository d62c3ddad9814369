import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/actor";
import { changePlans } from "../commands/change-plans";
import type { Effects } from "../commands/effects";
import { runAs, type Tx } from "../commands/run-command";
import { criteriaImporter } from "./criteria";
import { disbursementsImporter } from "./disbursements";
import { rememberMapping, rememberedMapping } from "./mappings";
import { readWorkbook } from "./parse-file";
import { buildReport, type CheckedFile, unconfirmed } from "./report";
import { shortagesImporter } from "./shortages";
import type { Change, ImportInput, ImportKind, ImportReport, Importer } from "./types";
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

export { MAX_LISTED_ISSUES, MAX_LISTED_ROWS } from "./report";
/** 50,000 rows of 19 criteria are a million records and as many audit events: far more than Prisma's default 5 s allows. */
const TRANSACTION_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * The file would not be imported: it has file-level problems, row errors and the user did not
 * choose the valid rows only, or the user has not confirmed what the preview asked to confirm.
 */
export class ImportRejected extends DomainError {
  constructor(
    readonly report: ImportReport,
    messageKey = "imports.errors.rejected",
  ) {
    super("BAD_REQUEST", messageKey);
  }
}

async function check(db: Db, actor: Actor, input: ImportInput): Promise<CheckedFile> {
  // Rights first: whoever may not import this kind learns it before the file is unpacked or parsed.
  authorize(actor, "imports.start", { kind: input.kind });
  const read = await readWorkbook(input.fileName, input.content);
  if (!read.ok) return { fileIssues: [read.issue], warnings: [], rows: [], rowCount: 0 };
  const {
    kind: _kind,
    fileName: _name,
    content: _content,
    validOnly: _valid,
    confirmations: _given,
    ...options
  } = input;
  const remembered = await rememberedMapping(db, actor, input.kind);
  const checked = await importers[input.kind].check(db, actor, read.sheets, { ...options, remembered });
  return { ...checked, rowCount: checked.rows.length };
}

/** What importing the file would do, by row and column; writes nothing. */
export async function previewImport(db: Db, actor: Actor, input: ImportInput): Promise<ImportReport> {
  return buildReport(input, await check(db, actor, input), "preview");
}

/**
 * Imports the file: all of it, or with `validOnly` the rows without errors, once the user has
 * confirmed what the preview asked (marks read, money lowered, units left without results), as
 * one command (server/commands): every change, its audit event, one event for the import itself
 * (which file brought them, how it was read) and the column mapping the user chose (remembered
 * for their unit's next file) commit together, so a failure half-way writes nothing; the plans
 * changed are locked and checked as the forms do. A file whose records are all up to date writes
 * nothing.
 */
export async function applyImport(db: Db, actor: Actor, input: ImportInput): Promise<ImportReport> {
  const checked = await check(db, actor, input);
  const preview = buildReport(input, checked, "applied");
  if (preview.fileIssues.length || (preview.counts.errorRows && !input.validOnly)) throw new ImportRejected(preview);
  const changes = checked.rows.filter((r) => !r.issues.length).flatMap((r) => r.changes);
  if (!changes.length) return preview;
  if (unconfirmed(preview, input).length) throw new ImportRejected(preview, "imports.errors.unconfirmed");
  const importer = importers[input.kind];
  const write = async (tx: Tx, effects: Effects, current: Actor) => {
    await importer.write(tx, current, changes, effects);
    effects.audit({
      action: `import.${input.kind}`,
      entityType: "Import",
      entityId: randomUUID(),
      after: {
        fileName: input.fileName,
        period: input.period,
        setCode: input.setCode,
        plan: input.planReference,
        sheet: preview.layout?.sheet,
        headerRows: preview.layout?.headerRows,
        validOnly: !!input.validOnly,
        confirmed: input.confirmations ?? [],
        counts: preview.counts,
      },
    });
    await rememberMapping(tx, current, input.kind, input.mapping, preview.layout);
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
