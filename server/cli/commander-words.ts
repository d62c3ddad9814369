import type { Command } from "commander";
import { say } from "./messages";

/** Commander's headings, by the words it passes to `styleTitle`, to their catalogue keys. */
const TITLES: Record<string, string> = {
  "Usage:": "cli.help.titles.usage",
  "Arguments:": "cli.help.titles.arguments",
  "Options:": "cli.help.titles.options",
  "Global Options:": "cli.help.titles.globalOptions",
  "Commands:": "cli.help.titles.commands",
};

/**
 * The mistakes an operator makes most (a required option left out, a misspelt option or
 * command), as commander writes them, to their catalogue keys; the name is the one it quotes.
 * A line that matches none (a wording of another commander version) is left as it is.
 */
const ERRORS: [RegExp, string][] = [
  [/^error: required option '(.+)' not specified$/, "cli.help.errors.requiredOption"],
  [/^error: missing required argument '(.+)'$/, "cli.help.errors.missingArgument"],
  [/^error: option '(.+)' argument missing$/, "cli.help.errors.optionValueMissing"],
  [/^error: unknown option '(.+)'$/, "cli.help.errors.unknownOption"],
  [/^error: unknown command '(.+)'$/, "cli.help.errors.unknownCommand"],
  [/^\(Did you mean (?:one of )?(.+)\?\)$/, "cli.help.errors.didYouMean"],
];

const translateLine = (line: string) => {
  for (const [pattern, key] of ERRORS) {
    const match = pattern.exec(line);
    if (match) return say(key, { name: match[1]! });
  }
  return line;
};

/**
 * Commander's own words in the chosen language, through the settings it offers: the help
 * option and command, the headings of the help (its `styleTitle` hook) and the error lines it
 * writes (`outputError`). Set on the program before any command is added, since commander
 * copies them into each subcommand as it creates it. Its usage syntax ("[options]",
 * "<file>") and rarer errors stay as commander writes them.
 */
export function speakCommanderWords(program: Command) {
  program
    .helpOption("-h, --help", say("cli.help.helpOption"))
    .helpCommand("help [command]", say("cli.help.helpCommand"))
    .configureHelp({ styleTitle: (title) => (TITLES[title] ? say(TITLES[title]) : title) })
    .configureOutput({ outputError: (text, write) => write(text.split("\n").map(translateLine).join("\n")) });
}
