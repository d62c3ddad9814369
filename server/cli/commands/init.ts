import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { createDb, type Db } from "../../db/client";
import { resolveDatabase } from "../../db/resolve-database";
import { DomainError } from "../../errors";
import { findProvince } from "../../reference/official-provinces";
import { prepareDatabase } from "../../reference/prepare-database";
import { provinceTree } from "../../reference/province-tree";
import { planUnitsFromFile } from "../../setup/plan-units-from-file";
import { hasUnits, startProvince } from "../../setup/start-province";
import { CliError } from "../cli-error";
import { assertEmbeddedDatabaseFree } from "../embedded-guard";
import { databaseLine, refused, say } from "../messages";
import { printPassword } from "./user";
import { printReport } from "./import";

/**
 * The first admin's name when --admin-name is not given. Applied here rather than as commander's
 * default, which commander would show in English ("(default: …)"); the help says it in its words.
 */
const DEFAULT_ADMIN_NAME = "Quản trị viên";

type Options = {
  province?: string;
  units?: string;
  beforeReform?: boolean;
  adminEmail: string;
  adminName?: string;
  adminTitle?: string;
};

/**
 * `init`: starts an empty database with a province, from the official lists or the province's
 * own unit file, and its first admin. It changes nothing on a database that already has units.
 */
export function registerInit(program: Command) {
  program
    .command("init")
    .description(say("cli.help.init.description"))
    .option("--province <code or name>", say("cli.help.init.province"))
    .option("--before-reform", say("cli.help.init.beforeReform"))
    .option("--units <file>", say("cli.help.init.units"))
    .requiredOption("--admin-email <email>", say("cli.help.init.adminEmail"))
    .option("--admin-name <name>", say("cli.help.init.adminName", { name: DEFAULT_ADMIN_NAME }))
    .option("--admin-title <title>", say("cli.help.init.adminTitle"))
    .addHelpText("after", `\n${say("cli.help.init.after")}`)
    .action(async (options: Options) => {
      if (!options.province === !options.units) throw new CliError(say("cli.init.eitherProvinceOrUnits"), 2);
      if (options.units && options.beforeReform) throw new CliError(say("cli.init.beforeReformNeedsProvince"), 2);
      await assertEmbeddedDatabaseFree();
      const database = await resolveDatabase();
      console.error(databaseLine(database));
      const db = createDb(database.url, 1);
      try {
        await prepareDatabase(database.url, db);
        await init(db, options);
      } finally {
        await db.$disconnect();
        await database.stop();
      }
    });
}

async function init(db: Db, options: Options) {
  if (await hasUnits(db)) throw refusedNotEmpty();
  const { units, source, describe } = options.units ? await unitsFromFile(db, options.units) : officialUnits(options);
  try {
    const admin = {
      email: options.adminEmail,
      name: options.adminName ?? DEFAULT_ADMIN_NAME,
      title: options.adminTitle,
    };
    const { user, generatedPassword, province } = await startProvince(db, { units, admin, source });
    console.log(say("cli.init.created", { province: province.name, code: province.code, units: describe }));
    console.log(
      say("cli.init.firstAdmin", { name: user.name, email: user.email, code: province.code, province: province.name }),
    );
    printPassword(generatedPassword);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.messageKey === "setup.errors.notEmpty") throw refusedNotEmpty();
    const fields = Object.entries(error.fieldErrors ?? {}).map(
      ([field, keys]) => `  ${FLAGS[field] ?? field}: ${keys.map((key) => say(key)).join(" ")}`,
    );
    throw new CliError([refused(say(error.messageKey)), ...fields].join("\n"), 2);
  }
}

const FLAGS: Record<string, string> = { email: "--admin-email", name: "--admin-name", title: "--admin-title" };

const refusedNotEmpty = () => new CliError(refused(say("cli.init.notEmpty")), 2);

function officialUnits(options: Options) {
  const lookup = findProvince(options.province!);
  if ("merged" in lookup) {
    const { name, into } = lookup.merged;
    throw new CliError(say("cli.init.merged", { name, into: into.name, code: into.code }), 2);
  }
  if ("unknown" in lookup) throw new CliError(say("cli.init.unknownProvince", { name: lookup.unknown }), 2);
  const beforeReform = !!options.beforeReform;
  const { units, counts } = provinceTree(lookup.found.code, { beforeReform });
  const describe = [
    say("cli.init.officialUnits", { communes: counts.communes }),
    ...(beforeReform ? [say("cli.init.unitsBeforeReform", counts)] : []),
  ].join("; ");
  return { units, describe, source: { source: "official", beforeReform } };
}

async function unitsFromFile(db: Db, file: string) {
  const content = await readFile(file).catch(() => {
    throw new CliError(say("cli.cannotRead", { file }));
  });
  const planned = await planUnitsFromFile(db, { fileName: path.basename(file), content: new Uint8Array(content) });
  if ("rejected" in planned) {
    printReport(planned.rejected);
    throw new CliError(`${say("imports.errors.rejected")} ${say("cli.nothingChanged")}`, 1);
  }
  const byLevel = (level: string) => planned.units.filter((u) => u.level === level).length;
  const describe = say("cli.init.unitsFromFile", {
    count: planned.units.length,
    file: path.basename(file),
    districts: byLevel("district"),
    communes: byLevel("commune"),
  });
  return { units: planned.units, describe, source: { source: "file", file: path.basename(file) } };
}
