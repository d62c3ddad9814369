import type { Command } from "commander";
import { createDb, type Db } from "../db/client";
import { resolveDatabase } from "../db/resolve-database";
import { type Actor, loadActor } from "../policies/actor";
import { prepareDatabase } from "../reference/prepare-database";
import { CliError } from "./cli-error";
import { assertEmbeddedDatabaseFree } from "./embedded-guard";
import { databaseLine, say } from "./messages";

/**
 * Runs a command as a user, by default the first admin: the CLI calls the same domain
 * functions as the web, so the same policies decide what it may do. Status lines go to
 * stderr so that stdout carries only the result (e.g. --json).
 */
export async function runAs(command: Command, run: (ctx: { db: Db; actor: Actor }) => Promise<void>) {
  const email: string | undefined = command.optsWithGlobals().as;
  await assertEmbeddedDatabaseFree();
  const database = await resolveDatabase();
  console.error(databaseLine(database));
  const db = createDb(database.url, 1);
  try {
    await prepareDatabase(database.url, db);
    const user = await db.user.findFirst({
      where: email ? { email: email.toLowerCase() } : { memberships: { some: { role: "admin" } }, disabledAt: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, disabledAt: true },
    });
    if (!user || user.disabledAt) throw new CliError(email ? say("cli.noActiveUser", { email }) : say("cli.noAdmin"));
    await run({ db, actor: (await loadActor(db, user.id))! });
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}
