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
  const exporting = program.command("export").description(say("cli.help.export.description"));

  exporting
    .command("plan")
    .description(say("cli.help.export.plan.description"))
    .argument("<plan>", say("cli.help.export.plan.plan"))
    .option("--unit <code>", say("cli.help.export.plan.unit"))
    .option("--format <format>", say("cli.help.export.plan.format"))
    .requiredOption("-o, --output <file>", say("cli.help.common.output"))
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
    .description(say("cli.help.report.description"))
    .requiredOption("--unit <code>", say("cli.help.report.unit"))
    .requiredOption("--period <period>", say("cli.help.common.period"))
    .option("--set <code>", say("cli.help.common.set"))
    .option("--format <format>", say("cli.help.report.format"))
    .option("--xlsx", say("cli.help.report.xlsx"))
    .requiredOption("-o, --output <file>", say("cli.help.common.output"))
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
