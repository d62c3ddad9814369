/**
 * `npm run cli -- <command>`: the province IT staff's tools. Each command runs the same
 * domain functions and rights checks as the web, as an admin unless --as names another user.
 */
import { CommanderError } from "commander";
import { ConfigError } from "../config";
import { DomainError } from "../errors";
import { CliError } from "./cli-error";
import { chooseLanguage, refused, say } from "./messages";
import { buildProgram } from "./program";

try {
  // The language first: the help is written in it as the commands are registered.
  chooseLanguage(process.argv);
  await buildProgram().parseAsync(process.argv);
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
