import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { DomainError } from "../errors";
import { publishPlanEvent } from "../live/live-events";
import { authorize } from "../policies";
import type { Actor } from "../policies/actor";
import { insertMany } from "./bulk-insert";
import { criteriaImporter } from "./criteria";
import { disbursementsImporter } from "./disbursements";
import { rememberMapping, rememberedMapping } from "./mappings";
import { readWorkbook } from "./parse-file";
import { buildReport, type CheckedFile, unconfirmed } from "./report";
import { shortagesImporter } from "./shortages";
import type { Change, ImportInput, ImportKind, ImportReport, Importer, Written } from "./types";
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
 * confirmed what the preview asked (marks read, money lowered, units left without results).
 * Every change and its audit event commit in one transaction, so a failure half-way writes
 * nothing; a file whose records are all up to date writes nothing, audit included. The column
 * mapping the user chose is remembered for their unit's next file.
 */
export async function applyImport(db: Db, actor: Actor, input: ImportInput): Promise<ImportReport> {
  const checked = await check(db, actor, input);
  const preview = buildReport(input, checked, "applied");
  if (preview.fileIssues.length || (preview.counts.errorRows && !input.validOnly)) throw new ImportRejected(preview);
  const changes = checked.rows.filter((r) => !r.issues.length).flatMap((r) => r.changes);
  if (!changes.length) return preview;
  if (unconfirmed(preview, input).length) throw new ImportRejected(preview, "imports.errors.unconfirmed");
  const written = await db.$transaction(
    async (tx) => {
      const written = await importers[input.kind].write(tx, actor, changes);
      await writeAudit(tx, actor, input, preview, written);
      return written;
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
  );
  await rememberMapping(db, actor, input.kind, input.mapping, preview.layout);
  for (const planId of written.planIds) await publishPlanEvent(db, { planId, topic: "planning" });
  return preview;
}

/**
 * One audit event per record changed, as the forms write them (in bulk), and one for the
 * import itself, which says which file brought them, how it was read, and when.
 */
async function writeAudit(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: ImportInput,
  preview: ImportReport,
  written: Written,
) {
  const summary = {
    fileName: input.fileName,
    period: input.period,
    setCode: input.setCode,
    plan: input.planReference,
    sheet: preview.layout?.sheet,
    headerRows: preview.layout?.headerRows,
    validOnly: !!input.validOnly,
    confirmed: input.confirmations ?? [],
    counts: preview.counts,
  };
  const events = [
    ...written.audit,
    { action: `import.${input.kind}`, entityType: "Import", entityId: randomUUID(), after: summary },
  ];
  await insertMany(
    tx,
    "AuditEvent",
    { actorId: "text", action: "text", entityType: "text", entityId: "text", before: "jsonb", after: "jsonb" },
    events.map((e) => ({ actorId: actor.userId, ...e })),
  );
}
