import { stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { exportDashboardXlsx } from "../../exports/dashboard-xlsx";
import type { ExportFile } from "../../exports/export-file";
import { findPlansByReference } from "../../exports/find-plans";
import { DOCUMENT_FORMATS } from "../../exports/official-document";
import { exportPlan } from "../../exports/plan-document";
import { exportReport } from "../../exports/report-document";
import { runAs } from "../cli-context";
import { CliError } from "../cli-error";
import { say } from "../messages";

/** Writes the file to `output`, or into it under the file's own name when it is a folder. */
async function save(file: ExportFile, output: string) {
  const isFolder = await stat(output).then(
    (s) => s.isDirectory(),
    () => false,
  );
  const target = isFolder ? path.join(output, file.filename) : output;
  await writeFile(target, file.data);
  console.error(say("cli.export.written", { file: target, bytes: file.data.length }));
}

/**
 * The format asked for with --format, else the output file's extension when it is one of
 * `formats` ("-o bao-cao.pdf"), else the first of them.
 */
function formatOf<F extends string>(asked: string | undefined, output: string, formats: readonly F[]): F {
  const wanted = asked?.trim().toLowerCase() ?? path.extname(output).slice(1).toLowerCase();
  if ((formats as readonly string[]).includes(wanted)) return wanted as F;
  if (asked !== undefined)
    throw new CliError(say("cli.export.unknownFormat", { format: asked, formats: formats.join(", ") }));
  return formats[0]!;
}

export function registerExport(program: Command) {
  const exporting = program.command("export").description("Official documents and tables, as the web downloads them");

  exporting
    .command("plan")
    .description("A plan as DOCX or PDF in the layout of Decree 30/2020/NĐ-CP")
    .argument("<plan>", 'plan id, or number and symbol, e.g. "2543/KH-SGDĐT"')
    .option("--unit <code>", "issuing unit's code, when several units used that number and symbol")
    .option("--format <format>", "docx or pdf (default: the output's extension, else docx)")
    .requiredOption("-o, --output <file>", "file (or folder) to write")
    .action(async (ref: string, options: { unit?: string; format?: string; output: string }, command: Command) => {
      const format = formatOf(options.format, options.output, DOCUMENT_FORMATS);
      await runAs(command, async ({ db, actor }) => {
        const plans = await findPlansByReference(db, actor, ref, options.unit);
        if (plans.length === 0) throw new CliError(say("cli.export.noPlan", { ref, unit: options.unit ?? "none" }));
        if (plans.length > 1) {
          const units = plans.map((p) => `  --unit ${p.issuingUnit.code}  ${p.issuingUnit.name}`).join("\n");
          throw new CliError(`${say("cli.export.severalUnits", { ref })}\n${units}`);
        }
        await save(await exportPlan(db, actor, plans[0]!.id, format), options.output);
      });
    });

  // `report` is also a command of its own, as the province IT staff were told to type it.
  for (const parent of [exporting, program]) addReportCommand(parent);
}

const REPORT_FORMATS = [...DOCUMENT_FORMATS, "xlsx"] as const;

function addReportCommand(parent: Command) {
  parent
    .command("report")
    .description("The 6-month or yearly report of a unit as DOCX or PDF (or its tables as XLSX)")
    .requiredOption("--unit <code>", "official code of the unit, e.g. 099")
    .requiredOption("--period <period>", "2025 or 2025-H1")
    .option("--set <code>", "criteria set code (default: the commune set of the period's years)")
    .option("--format <format>", "docx, pdf or xlsx (default: the output's extension, else docx)")
    .option("--xlsx", "the same as --format xlsx")
    .requiredOption("-o, --output <file>", "file (or folder) to write")
    .action(
      async (
        options: { unit: string; period: string; set?: string; format?: string; xlsx?: boolean; output: string },
        command: Command,
      ) => {
        const format = options.xlsx ? "xlsx" : formatOf(options.format, options.output, REPORT_FORMATS);
        await runAs(command, async ({ db, actor }) => {
          const query = { unit: { code: options.unit }, period: options.period, setCode: options.set };
          await save(
            await (format === "xlsx" ? exportDashboardXlsx(db, actor, query) : exportReport(db, actor, query, format)),
            options.output,
          );
        });
      },
    );
}
