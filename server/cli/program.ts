import { Command } from "commander";
import { registerBackup } from "./commands/backup";
import { registerExport } from "./commands/export";
import { registerImport } from "./commands/import";
import { registerInit } from "./commands/init";
import { registerRollup } from "./commands/rollup";
import { registerUser } from "./commands/user";
import { speakCommanderWords } from "./commander-words";
import { say } from "./messages";

/**
 * The whole command line, its help in the language already chosen (`chooseLanguage`): every
 * description comes from the catalogue when the commands are registered, so this runs after it.
 * Commander's own words are set before any command is added, since commander copies its
 * settings into each subcommand as it creates it.
 */
export function buildProgram(): Command {
  const program = new Command("chungtay")
    .description(say("cli.help.program.description"))
    .option("--as <email>", say("cli.help.program.as"))
    // Read before this runs (chooseLanguage), and declared so that commander accepts and lists it.
    .option("--lang <language>", say("cli.help.program.lang"))
    .showHelpAfterError()
    .exitOverride();
  speakCommanderWords(program);

  registerInit(program);
  registerRollup(program);
  registerUser(program);
  registerBackup(program);
  registerExport(program);
  registerImport(program);
  return program;
}
