import path from "node:path";
import type { Command } from "commander";
import { writeBackup } from "../../backup/backup";
import { BackupError } from "../../backup/format";
import { restoreBackup } from "../../backup/restore";
import { resolveDatabase } from "../../db/resolve-database";
import { CliError } from "../cli-error";
import { assertEmbeddedDatabaseFree } from "../embedded-guard";
import { databaseLine, say } from "../messages";

/**
 * `backup -o <file>` and `restore <file>`: a logical copy of every table, made through SQL,
 * so it moves data between the embedded database and a PostgreSQL server in either direction.
 * They work on the database itself, with no user: whoever can reach the database holds its
 * data anyway, and a restore starts from an empty one.
 */
export function registerBackup(program: Command) {
  program
    .command("backup")
    .description(say("cli.help.backup.description"))
    .addHelpText("after", `\n${say("cli.help.backup.after")}`)
    .requiredOption("-o, --output <file>", say("cli.help.backup.output"))
    .action(async (options: { output: string }) => {
      const file = path.resolve(options.output);
      await withDatabase(async (url) => {
        const { rows, migrations } = await writeBackup(url, file);
        const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
        const tables = Object.keys(rows).length;
        console.log(say("cli.backup.written", { rows: total, tables, migration: migrations.at(-1) ?? "—", file }));
        console.log(say("cli.backup.keepSafe"));
      });
    });

  program
    .command("restore")
    .description(say("cli.help.restore.description"))
    .addHelpText("after", `\n${say("cli.help.restore.after")}`)
    .argument("<file>", say("cli.help.restore.file"))
    .option("--force", say("cli.help.restore.force"))
    .action(async (file: string, options: { force?: boolean }) => {
      await withDatabase(async (url) => {
        const { rows, replaced } = await restoreBackup(url, path.resolve(file), { force: options.force });
        const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
        if (replaced.length) console.log(say("cli.backup.replaced", { tables: replaced.length }));
        console.log(say("cli.backup.restored", { rows: total, tables: Object.keys(rows).length, file }));
        for (const [table, count] of Object.entries(rows)) if (count) console.log(`  ${table.padEnd(28)} ${count}`);
      });
    });
}

/** The configured database, after making sure no other process has the embedded one open. */
async function withDatabase(run: (url: string) => Promise<void>) {
  await assertEmbeddedDatabaseFree();
  const database = await resolveDatabase();
  console.error(databaseLine(database));
  try {
    await run(database.url);
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(say(error.messageKey, error.params));
    throw error;
  } finally {
    await database.stop();
  }
}
