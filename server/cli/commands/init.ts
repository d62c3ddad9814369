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
import { say } from "../messages";
import { printReport } from "./import";

type Options = {
  province?: string;
  units?: string;
  beforeReform?: boolean;
  adminEmail: string;
  adminName: string;
  adminTitle?: string;
};

/**
 * `init`: starts an empty database with a province, from the official lists or the province's
 * own unit file, and its first admin. It changes nothing on a database that already has units.
 */
export function registerInit(program: Command) {
  program
    .command("init")
    .description("Start an empty database: a province's units and its first admin")
    .option("--province <code or name>", 'a province since 1 July 2025, e.g. 14 or "Sơn La" (accents optional)')
    .option(
      "--before-reform",
      "also its units of 30 June 2025 (districts and old communes), each old commune linked to the one it became",
    )
    .option("--units <file>", "the province's own unit file instead (the `import units` format, .csv or .xlsx)")
    .requiredOption("--admin-email <email>", "sign-in email of the first admin")
    .option("--admin-name <name>", "full name of the first admin", "Quản trị viên")
    .option("--admin-title <title>", 'job title, e.g. "Chuyên viên Sở Nông nghiệp và Môi trường"')
    .addHelpText("after", "\nThe first admin's password is generated and printed once.")
    .action(async (options: Options) => {
      if (!options.province === !options.units) throw new CliError("Give either --province or --units.", 2);
      if (options.units && options.beforeReform)
        throw new CliError("--before-reform takes the units from the official lists: use it with --province.", 2);
      await assertEmbeddedDatabaseFree();
      const database = await resolveDatabase();
      console.error(`Database: ${database.description}`);
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
    const admin = { email: options.adminEmail, name: options.adminName, title: options.adminTitle };
    const { user, generatedPassword, province } = await startProvince(db, { units, admin, source });
    console.log(`Created ${province.name} (${province.code}): ${describe}.`);
    console.log(`First admin: ${user.name} <${user.email}>, admin at ${province.code} ${province.name}.`);
    console.log(`Password (shown once, pass it on securely): ${generatedPassword}`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.messageKey === "setup.errors.notEmpty") throw refusedNotEmpty();
    const fields = Object.entries(error.fieldErrors ?? {}).map(
      ([field, keys]) => `  ${FLAGS[field] ?? field}: ${keys.map((key) => say(key)).join(" ")}`,
    );
    throw new CliError([`Refused: ${say(error.messageKey)}`, ...fields].join("\n"), 2);
  }
}

const FLAGS: Record<string, string> = { email: "--admin-email", name: "--admin-name", title: "--admin-title" };

const refusedNotEmpty = () =>
  new CliError(
    "Refused: this database already has units, and `init` only starts an empty one; nothing was changed. " +
      "Add units with `import units`, or point DATABASE_URL (or CHUNGTAY_DATA_DIR) at a new database.",
    2,
  );

function officialUnits(options: Options) {
  const lookup = findProvince(options.province!);
  if ("merged" in lookup) {
    const { name, into } = lookup.merged;
    throw new CliError(
      `${name} has been part of ${into.name} (${into.code}) since 1 July 2025: ` +
        `use --province ${into.code} --before-reform to have its units of before the reform too.`,
      2,
    );
  }
  if ("unknown" in lookup)
    throw new CliError(
      `No province "${lookup.unknown}" in the official list of 1 July 2025 (34 provinces; codes such as 11 or 79).`,
      2,
    );
  const beforeReform = !!options.beforeReform;
  const { units, counts } = provinceTree(lookup.found.code, { beforeReform });
  const describe = [
    `${counts.communes} communes and wards since 1 July 2025`,
    ...(beforeReform
      ? [
          `${counts.oldCommunes} communes in ${counts.districts} districts${counts.oldProvinces ? ` of ${counts.oldProvinces} former provinces` : ""} until 30 June 2025, each linked to the commune it became`,
        ]
      : []),
  ].join("; ");
  return { units, describe, source: { source: "official", beforeReform } };
}

async function unitsFromFile(db: Db, file: string) {
  const content = await readFile(file).catch(() => {
    throw new CliError(`Không đọc được tệp ${file}.`);
  });
  const planned = await planUnitsFromFile(db, { fileName: path.basename(file), content: new Uint8Array(content) });
  if ("rejected" in planned) {
    printReport(planned.rejected);
    throw new CliError(`${say("imports.errors.rejected")} Nothing was changed.`, 1);
  }
  const byLevel = (level: string) => planned.units.filter((u) => u.level === level).length;
  const describe = `${planned.units.length} units from ${path.basename(file)} (${byLevel("district")} districts, ${byLevel("commune")} communes)`;
  return { units: planned.units, describe, source: { source: "file", file: path.basename(file) } };
}
