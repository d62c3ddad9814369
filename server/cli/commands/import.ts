import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { say } from "../messages";
import { DomainError } from "../../errors";
import { applyImport, ImportRejected, previewImport } from "../../imports/run-import";
import {
  type ImportIssue,
  type ImportKind,
  type ImportReport,
  MAX_FILE_BYTES,
  MAX_FILE_MEGABYTES,
} from "../../imports/types";
import { runAs } from "../cli-context";
import { CliError } from "../cli-error";

/**
 * `import <kind> <file>`: the same preview and import as the web page, for files too big to
 * upload comfortably or imports run by script. Problems print in Vietnamese by row and column,
 * as the page shows them; a rejected file exits with 1 and writes nothing.
 */

type Options = { validOnly?: boolean; dryRun?: boolean; json?: boolean; period?: string; set?: string };

const KINDS: { kind: ImportKind; description: string }[] = [
  { kind: "units", description: "Units: code, name, level, parent code (admins only)" },
  { kind: "criteria", description: "Criteria results, one row per unit and one column per criterion (TC1…TCn)" },
  { kind: "shortages", description: "Shortages of plans, by plan number and symbol and issuing unit" },
  { kind: "disbursements", description: "Disbursements out of plans' budget lines" },
];

export function registerImport(program: Command) {
  const importing = program
    .command("import")
    .description("Import units, criteria results, shortages or disbursements from a CSV or XLSX file");
  for (const { kind, description } of KINDS) {
    const command = importing
      .command(kind)
      .description(description)
      .argument("<file>", `a .csv (UTF-8, comma or semicolon) or .xlsx file of at most ${MAX_FILE_MEGABYTES} MB`)
      .option("--valid-only", "import the rows without errors and skip the others")
      .option("--dry-run", "check the file and print what would change, writing nothing")
      .option("--json", "print the report as one JSON object");
    if (kind === "criteria") {
      command
        .requiredOption("--period <period>", "2025 or 2025-H1")
        .option("--set <code>", "criteria set code (default: the commune set of the period's year)");
    }
    command.action(async (file: string, options: Options, cmd: Command) => {
      const content = await readImportFile(file);
      await runAs(cmd, async ({ db, actor }) => {
        const input = {
          kind,
          fileName: path.basename(file),
          content,
          period: options.period,
          setCode: options.set,
          validOnly: !!options.validOnly,
        };
        let report: ImportReport;
        try {
          report = options.dryRun ? await previewImport(db, actor, input) : await applyImport(db, actor, input);
        } catch (error) {
          if (error instanceof ImportRejected) {
            printReport(error.report, options);
            throw new CliError(say("imports.errors.rejected"), 1);
          }
          if (error instanceof DomainError) throw new CliError(say(error.messageKey), 2);
          throw error;
        }
        printReport(report, options);
        // A dry run fails as the import would, so that scripts can check a file before sending it.
        if (options.dryRun && (report.fileIssues.length || (report.counts.errorRows && !options.validOnly)))
          throw new CliError(say("imports.errors.rejected"), 1);
      });
    });
  }
}

async function readImportFile(file: string): Promise<Uint8Array> {
  const size = await stat(file).then(
    (s) => (s.isFile() ? s.size : null),
    () => null,
  );
  if (size === null) throw new CliError(`Không đọc được tệp ${file}.`);
  // The importer says the same, but a file of gigabytes need not be read to be refused.
  if (size > MAX_FILE_BYTES) throw new CliError(say("imports.errors.fileTooLarge", { max: MAX_FILE_MEGABYTES }));
  return new Uint8Array(await readFile(file));
}

export function printReport(report: ImportReport, options: Options = {}) {
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ ...report, issues: report.issues.map((i) => ({ ...i, text: say(i.message, i.params) })) })}\n`,
    );
    return;
  }
  const { counts } = report;
  console.log(
    [
      report.fileName,
      say(`imports.kinds.${report.kind}`),
      report.rowCount ? say("imports.rowCount", { count: report.rowCount }) : null,
    ]
      .filter(Boolean)
      .join(" · "),
  );
  for (const issue of report.fileIssues) console.log(`  ✗ ${line(issue)}`);
  for (const issue of report.warnings) console.log(`  ! ${line(issue)}`);
  if (!report.fileIssues.length) {
    const verb = report.outcome === "applied" ? "Đã nhập" : "Sẽ nhập";
    console.log(
      `${verb}: ${say("imports.counts.create")} ${counts.create} · ${say("imports.counts.update")} ${counts.update} · ${say("imports.counts.unchanged")} ${counts.unchanged} · ${say("imports.counts.errorRows")} ${counts.errorRows}`,
    );
  }
  for (const issue of report.issues) console.log(`  ${line(issue)}`);
  if (report.issueCount > report.issues.length)
    console.log(`  … ${say("imports.moreIssues", { shown: report.issues.length, total: report.issueCount })}`);
}

/** "Dòng 5, cột “TC3”: …", as the page's table reads. */
function line(issue: ImportIssue) {
  // A file-level message names its column itself ("Thiếu cột “Mã”").
  const where =
    issue.row === null
      ? ""
      : [
          `${say("imports.row")} ${issue.row}`,
          issue.column ? `${say("imports.column").toLowerCase()} “${issue.column}”` : null,
        ]
          .filter(Boolean)
          .join(", ");
  return where ? `${where}: ${say(issue.message, issue.params)}` : say(issue.message, issue.params);
}
