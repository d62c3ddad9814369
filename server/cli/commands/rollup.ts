import type { Command } from "commander";
import { formatPercent } from "../../../lib/format";
import { criteriaRollup } from "../../rollups/criteria-rollup";
import { runAs } from "../cli-context";
import { cliLanguage, say } from "../messages";

export function registerRollup(program: Command) {
  program
    .command("rollup")
    .description(say("cli.help.rollup.description"))
    .requiredOption("--unit <code>", say("cli.help.rollup.unit"))
    .requiredOption("--period <period>", say("cli.help.common.period"))
    .option("--set <code>", say("cli.help.common.set"))
    .option("--json", say("cli.help.rollup.json"))
    .action(async (options: { unit: string; period: string; set?: string; json?: boolean }, command: Command) => {
      await runAs(command, async ({ db, actor }) => {
        const rollup = await criteriaRollup(db, actor, {
          unit: { code: options.unit },
          period: options.period,
          setCode: options.set,
        });
        if (options.json) {
          const { unit, period, set, units, criteria, allMet, averageMet } = rollup;
          const json = {
            unit: unit.code,
            period,
            set: set.code,
            units,
            criteria: criteria.map(({ number, met, advanced, model, rate }) => ({
              number,
              met,
              advanced,
              model,
              rate,
            })),
            allMet,
            averageMet,
          };
          process.stdout.write(`${JSON.stringify(json)}\n`);
          return;
        }
        console.log(
          say("cli.rollup.heading", {
            unit: rollup.unit.name,
            set: rollup.set.name,
            period: rollup.period,
            count: rollup.units,
          }),
        );
        for (const c of rollup.criteria)
          console.log(
            `  ${String(c.number).padStart(2)}. ${c.met}/${rollup.units} (${formatPercent(c.rate, 2, cliLanguage())}) · ${say("cli.rollup.criterion", c)}  ${c.name}`,
          );
        console.log(say("cli.rollup.total", { allMet: rollup.allMet, averageMet: rollup.averageMet }));
      });
    });
}
