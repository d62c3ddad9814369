/**
 * `npm run cli -- <command>`: the province IT staff's tools. Each command runs the same
 * domain functions and rights checks as the web, as an admin unless --as names another user.
 */
import { Command, CommanderError } from "commander";
import { ConfigError } from "../config";
import { DomainError } from "../errors";
import { CliError } from "./cli-error";
import { chooseLanguage, refused, say } from "./messages";
import { registerExport } from "./commands/export";
import { registerImport } from "./commands/import";
import { registerInit } from "./commands/init";
import { registerBackup } from "./commands/backup";
import { registerRollup } from "./commands/rollup";
import { registerUser } from "./commands/user";

const program = new Command("chungtay")
  .description("Chung Tay command line")
  .option("--as <email>", "act as this user instead of the first admin")
  .option("--lang <language>", "language of what the commands say: vi (default) or en")
  .showHelpAfterError()
  .exitOverride();

registerInit(program);
registerRollup(program);
registerUser(program);
registerBackup(program);
registerExport(program);
registerImport(program);

try {
  chooseLanguage(process.argv);
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof CliError) {
    console.error(error.message);
    process.exit(error.exitCode);
  }
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  if (error instanceof DomainError) {
    const fields = Object.entries(error.fieldErrors ?? {}).map(
      ([field, keys]) => `${field}: ${keys.map((key) => say(key)).join(" ")}`,
    );
    console.error([refused(say(error.messageKey)), ...fields].join("\n  "));
    process.exit(2);
  }
  throw error;
}
