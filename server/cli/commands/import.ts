import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import type { Command } from "commander";
import { say } from "../messages";
import { DomainError } from "../../errors";
import { unconfirmed } from "../../imports/report";
import { applyImport, ImportRejected, previewImport } from "../../imports/run-import";
import {
  type ImportInput,
  type ImportIssue,
  type ImportKind,
  type ImportReport,
  MAX_FILE_BYTES,
  MAX_FILE_MEGABYTES,
  showValue,
} from "../../imports/types";
import { runAs } from "../cli-context";
import { CliError } from "../cli-error";

/**
 * `import <kind> <file>`: the same preview and import as the web page, for files too big to
 * upload comfortably or imports run by script. It prints where the table was found, how its
 * columns and marks were read, the rows that are not data, every problem by row and column in
 * Vietnamese, and what each row changes; what the page asks to confirm is asked here (or given
 * with --yes). A rejected file exits with 1 and writes nothing.
 */

type Options = {
  validOnly?: boolean;
  dryRun?: boolean;
  json?: boolean;
  yes?: boolean;
  period?: string;
  set?: string;
  plan?: string;
  planUnit?: string;
  sheet?: string;
  headerRow?: string;
  map?: string[];
  marks?: string;
  blank?: string;
};

/** The kinds of file, in the order the help lists them; each is described by `cli.help.import.kinds.<kind>`. */
const KINDS: ImportKind[] = ["units", "criteria", "shortages", "disbursements"];

/** Each --map adds to the list; no commander default, which its help would show as "(default: [])". */
const collect = (value: string, list: string[] = []) => [...list, value];

/** "Mã xã=code", "TC 3=tc3", "Ghi chú 2=ignore" → the mapping the importer takes. */
function mappingOf(entries: string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const entry of entries) {
    const at = entry.lastIndexOf("=");
    if (at <= 0) throw new CliError(say("cli.import.badMap", { entry }), 2);
    mapping[entry.slice(0, at).trim()] = entry
      .slice(at + 1)
      .trim()
      .toLowerCase();
  }
  return mapping;
}

/** "x=Đạt,NC=Nâng cao" and --blank "Chưa đạt" → mark → meaning ("" for the empty cell). */
function marksOf(marks: string | undefined, blank: string | undefined): Record<string, string> | undefined {
  if (!marks && !blank) return undefined;
  const chosen: Record<string, string> = {};
  for (const entry of (marks ?? "").split(",").filter((e) => e.trim())) {
    const [mark, meaning] = entry.split("=");
    if (!mark?.trim() || !meaning?.trim()) throw new CliError(say("cli.import.badMarks", { entry }), 2);
    chosen[mark.trim()] = meaning.trim();
  }
  if (blank) chosen[""] = /^(keep|giu|giữ)/i.test(blank) ? "keep" : blank;
  return chosen;
}

function headerRowOf(text: string | undefined): Pick<ImportInput, "headerRow" | "headerRows"> {
  if (!text) return {};
  const match = /^(\d+)(?:\s*[-–:]\s*(\d+))?$/.exec(text.trim());
  if (!match || (match[2] && Number(match[2]) !== Number(match[1]) + 1))
    throw new CliError(say("cli.import.badHeaderRow", { text }), 2);
  return { headerRow: Number(match[1]), ...(match[2] ? { headerRows: 2 as const } : {}) };
}

export function registerImport(program: Command) {
  const importing = program.command("import").description(say("cli.help.import.description"));
  for (const kind of KINDS) {
    const command = importing
      .command(kind)
      .description(say(`cli.help.import.kinds.${kind}`))
      .argument("<file>", say("cli.help.import.file", { max: MAX_FILE_MEGABYTES }))
      .option("--sheet <name>", say("cli.help.import.sheet"))
      .option("--header-row <row>", say("cli.help.import.headerRow"))
      .option("--map <heading=column>", say("cli.help.import.map"), collect)
      .option("--valid-only", say("cli.help.import.validOnly"))
      .option("--dry-run", say("cli.help.import.dryRun"))
      .option("--yes", say("cli.help.import.yes"))
      .option("--json", say("cli.help.import.json"));
    if (kind === "criteria") {
      command
        .requiredOption("--period <period>", say("cli.help.common.period"))
        .option("--set <code>", say("cli.help.common.set"))
        .option("--marks <mark=meaning,…>", say("cli.help.import.marks"))
        .option("--blank <meaning>", say("cli.help.import.blank"));
    }
    if (kind === "shortages" || kind === "disbursements") {
      command
        .option("--plan <reference>", say("cli.help.import.plan"))
        .option("--plan-unit <code>", say("cli.help.import.planUnit"));
    }
    command.action(async (file: string, options: Options, cmd: Command) => {
      const content = await readImportFile(file);
      const input: ImportInput = {
        kind,
        fileName: path.basename(file),
        content,
        period: options.period,
        setCode: options.set,
        planReference: options.plan,
        planUnitCode: options.planUnit,
        sheet: options.sheet,
        ...headerRowOf(options.headerRow),
        mapping: mappingOf(options.map ?? []),
        marks: marksOf(options.marks, options.blank),
        validOnly: !!options.validOnly,
      };
      await runAs(cmd, async ({ db, actor }) => {
        try {
          const preview = await previewImport(db, actor, input);
          const rejected = preview.fileIssues.length || (preview.counts.errorRows && !options.validOnly);
          if (options.dryRun || rejected) {
            printReport(preview, options);
            // A dry run fails as the import would, so that scripts can check a file before sending it.
            if (rejected) throw new CliError(say("imports.errors.rejected"), 1);
            return;
          }
          const asked = unconfirmed(preview, input);
          if (asked.length) {
            if (!options.json) printReport(preview, options);
            await confirm(
              asked.map((c) => say(c.message, c.params)),
              options,
            );
          }
          printReport(await applyImport(db, actor, { ...input, confirmations: asked.map((c) => c.key) }), options);
        } catch (error) {
          if (error instanceof ImportRejected) {
            printReport(error.report, options);
            throw new CliError(say(error.messageKey), 1);
          }
          if (error instanceof DomainError) throw new CliError(say(error.messageKey), 2);
          throw error;
        }
      });
    });
  }
}

/** Asks on a terminal; a script says --yes. */
async function confirm(questions: string[], options: Options) {
  for (const question of questions) console.error(`? ${question}`);
  if (options.yes) return;
  if (!process.stdin.isTTY) throw new CliError(say("imports.cli.needsYes"), 1);
  const readline = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await readline.question(`${say("imports.cli.confirm")} `);
  readline.close();
  if (!/^(c|có|co|y|yes)$/i.test(answer.trim())) throw new CliError(say("imports.cli.cancelled"), 1);
}

async function readImportFile(file: string): Promise<Uint8Array> {
  const size = await stat(file).then(
    (s) => (s.isFile() ? s.size : null),
    () => null,
  );
  if (size === null) throw new CliError(say("cli.cannotRead", { file }));
  // The importer says the same, but a file of gigabytes need not be read to be refused.
  if (size > MAX_FILE_BYTES) throw new CliError(say("imports.errors.fileTooLarge", { max: MAX_FILE_MEGABYTES }));
  return new Uint8Array(await readFile(file));
}

const text = (issue: Pick<ImportIssue, "message" | "params">) => say(issue.message, issue.params);

export function printReport(report: ImportReport, options: Partial<Options> = {}) {
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ ...report, issues: report.issues.map((i) => ({ ...i, text: text(i) })) })}\n`,
    );
    return;
  }
  const { counts, layout } = report;
  console.log(
    [
      report.fileName,
      say(`imports.kinds.${report.kind}`),
      report.rowCount ? say("imports.rowCount", { count: report.rowCount }) : null,
    ]
      .filter(Boolean)
      .join(" · "),
  );
  if (layout) {
    console.log(`  ${say("imports.layout.found", { sheet: layout.sheet, rows: layout.headerRows.join("–") })}`);
    for (const column of layout.columns) {
      const target = column.target
        ? (layout.targets.find((t) => t.key === column.target)?.label ?? column.target)
        : say("imports.layout.ignored");
      console.log(
        `    “${column.heading}” → ${target}${column.how === "unknown" ? ` (${say("imports.layout.unknown")})` : ""}`,
      );
    }
  }
  if (report.skippedCount)
    console.log(
      `  ${say("imports.skipped.title")}: ${report.skipped
        .slice(0, 20)
        .map((s) => `${s.row} (${say(`imports.skipped.reasons.${s.reason}`)})`)
        .join(", ")}${report.skippedCount > 20 ? " …" : ""}`,
    );
  if (report.marks)
    console.log(
      `  ${say("imports.marks.title")}: ${[
        ...report.marks.marks.map((m) => `${m.mark} = ${say(`criteria.results.${m.result}`)} (${m.count})`),
        `${say("imports.marks.blank")} = ${say(`imports.marks.blankMeanings.${report.marks.blank.meaning}`)} (${report.marks.blank.count})`,
      ].join(" · ")}`,
    );
  for (const issue of report.fileIssues) console.log(`  ✗ ${line(issue)}`);
  for (const issue of report.warnings) console.log(`  ! ${line(issue)}`);
  if (!report.fileIssues.length) {
    const verb = say(report.outcome === "applied" ? "cli.import.applied" : "cli.import.planned");
    console.log(
      `${verb}: ${say("imports.counts.create")} ${counts.create} · ${say("imports.counts.update")} ${counts.update} · ${say("imports.counts.unchanged")} ${counts.unchanged} · ${say("imports.counts.errorRows")} ${counts.errorRows}`,
    );
  }
  for (const row of report.rows.filter((r) => r.changes.length).slice(0, 20))
    console.log(
      `  ${say("imports.row")} ${row.row} (${row.key}): ${row.changes
        .map(
          (c) =>
            `${c.column}: ${c.before ? showValue(c.before, say) : "—"} → ${c.after ? showValue(c.after, say) : "—"}`,
        )
        .join("; ")}`,
    );
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
  return where ? `${where}: ${text(issue)}` : text(issue);
}
