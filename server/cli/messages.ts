import { LOCALES, type Locale } from "@/i18n/locales";
import { sayIn } from "@/i18n/translator";
import type { ResolvedDatabase } from "../db/resolve-database";
import { CliError } from "./cli-error";

let language: Locale = "vi";

/**
 * The language of everything the command line says, from `--lang vi|en` (Vietnamese unless
 * asked), read before any command runs so that every message comes out in it.
 */
export function chooseLanguage(argv: string[]) {
  const at = argv.findIndex((arg) => arg === "--lang" || arg.startsWith("--lang="));
  if (at < 0) return;
  const asked = argv[at]!.includes("=") ? argv[at]!.slice("--lang=".length) : (argv[at + 1] ?? "");
  if (!(LOCALES as readonly string[]).includes(asked))
    throw new CliError(sayIn(language, "cli.unknownLanguage", { lang: asked }), 2);
  language = asked as Locale;
}

/** The language chosen, for what the command line formats itself (rates in the roll-up's lines). */
export const cliLanguage = () => language;

/**
 * A message of the interface's catalogue in the chosen language, with its values filled in by
 * the same ICU translator as the web and the exports ("Dòng 5, cột “TC3”: …"); the key itself
 * when there is none.
 */
export function say(key: string, params: Record<string, string | number> = {}): string {
  return sayIn(language, key, params);
}

/** "Cơ sở dữ liệu: PostgreSQL tại 127.0.0.1:5432/chungtay", the first line of every command. */
export const databaseLine = (database: Pick<ResolvedDatabase, "embedded" | "location">) =>
  say("cli.database", {
    description: say(database.embedded ? "cli.databaseEmbedded" : "cli.databaseServer", {
      location: database.location,
    }),
  });

/** "Từ chối: …", a refusal in the command line's words. */
export const refused = (reason: string) => say("cli.refused", { reason });
