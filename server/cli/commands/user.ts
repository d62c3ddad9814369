import type { Command } from "commander";
import { DomainError } from "../../errors";
import type { Actor } from "../../policies/actor";
import { createDb } from "../../db/client";
import { resolveDatabase } from "../../db/resolve-database";
import { prepareDatabase } from "../../reference/prepare-database";
import { createFirstAdmin, createUser, hasActiveAdmin } from "../../users/create-user";
import { disableUser } from "../../users/disable-user";
import { grantRole, revokeRole } from "../../users/memberships";
import type { ManagedUser } from "../../users/managed-user";
import { PASSWORD_MIN_LENGTH } from "../../users/password-rule";
import { resetPassword } from "../../users/reset-password";
import type { TMembership, TUserCreate } from "../../users/schemas";
import { runAs } from "../cli-context";
import { CliError } from "../cli-error";
import { assertEmbeddedDatabaseFree } from "../embedded-guard";
import { databaseLine, refused, say } from "../messages";

export function registerUser(program: Command) {
  const user = program.command("user").description(say("cli.help.user.description"));

  user
    .command("create")
    .description(say("cli.help.user.create.description"))
    .requiredOption("--email <email>", say("cli.help.user.create.email"))
    .requiredOption("--name <name>", say("cli.help.user.create.name"))
    .option("--title <title>", say("cli.help.user.create.title"))
    .requiredOption("--role <role>", say("cli.help.common.role"))
    .requiredOption("--unit <code>", say("cli.help.user.create.unit"))
    .option("--password <password>", say("cli.help.user.create.password", { min: PASSWORD_MIN_LENGTH }))
    .addHelpText("after", `\n${say("cli.help.user.create.after")}`)
    // Commander hands over strings; the domain validates them (the role among them) with zod.
    .action(async (options: TUserCreate, command: Command) => {
      await assertEmbeddedDatabaseFree();
      if (!command.optsWithGlobals().as && (await createFirstAdminIfNone(options))) return;
      await runAs(command, async ({ db, actor }) => {
        const { user, generatedPassword } = await explain(actor, createUser(db, actor, options));
        console.log(say("cli.user.created", { user: describe(user) }));
        printPassword(generatedPassword);
      });
    });

  user
    .command("reset-password")
    .description(say("cli.help.user.resetPassword.description"))
    .argument("<email>", say("cli.help.common.account"))
    .option("--password <password>", say("cli.help.user.resetPassword.password", { min: PASSWORD_MIN_LENGTH }))
    .action(async (email: string, options: { password?: string }, command: Command) => {
      await assertEmbeddedDatabaseFree();
      await runAs(command, async ({ db, actor }) => {
        const { user, generatedPassword } = await explain(
          actor,
          resetPassword(db, actor, { email, password: options.password }),
        );
        console.log(say("cli.user.passwordReset", { user: describe(user) }));
        if (user.disabledAt) console.log(say("cli.user.stillDisabled"));
        printPassword(generatedPassword);
      });
    });

  user
    .command("disable")
    .description(say("cli.help.user.disable.description"))
    .argument("<email>", say("cli.help.common.account"))
    .action(async (email: string, _options: unknown, command: Command) => {
      await assertEmbeddedDatabaseFree();
      await runAs(command, async ({ db, actor }) => {
        const { user, alreadyDisabled } = await explain(actor, disableUser(db, actor, { email }));
        console.log(
          alreadyDisabled
            ? say("cli.user.alreadyDisabled", { user: describe(user), date: user.disabledAt!.toISOString() })
            : say("cli.user.disabled", { user: describe(user) }),
        );
      });
    });

  for (const [name, change] of [
    ["grant", grantRole],
    ["revoke", revokeRole],
  ] as const) {
    user
      .command(name)
      .description(say(`cli.help.user.${name}.description`))
      .argument("<email>", say("cli.help.common.account"))
      .requiredOption("--role <role>", say("cli.help.common.role"))
      .requiredOption("--unit <code>", say("cli.help.user.unit"))
      // Commander hands over strings; the domain validates the role with zod.
      .action(async (email: string, options: Omit<TMembership, "email">, command: Command) => {
        await assertEmbeddedDatabaseFree();
        await runAs(command, async ({ db, actor }) => {
          const { user, changed } = await explain(actor, change(db, actor, { email, ...options }));
          console.log(say(changed ? "cli.user.now" : "cli.user.unchanged", { user: describe(user) }));
        });
      });
  }
}

/**
 * On a database with no active admin (a fresh install without the demo), nobody could run
 * `user create`: the first admin is created here instead. Returns false when an admin exists.
 */
async function createFirstAdminIfNone(options: TUserCreate): Promise<boolean> {
  const database = await resolveDatabase();
  const db = createDb(database.url, 1);
  try {
    await prepareDatabase(database.url, db);
    if (await hasActiveAdmin(db)) return false;
    console.error(`${databaseLine(database)} (${say("cli.user.noAdminYet")})`);
    const { user, generatedPassword } = await explain(null, createFirstAdmin(db, options));
    console.log(say("cli.user.createdFirstAdmin", { user: describe(user) }));
    printPassword(generatedPassword);
    return true;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

const describe = (user: ManagedUser) =>
  [
    `${user.name} <${user.email}>`,
    ...user.memberships.map((m) => say("cli.user.membership", { role: m.role, code: m.unit.code, unit: m.unit.name })),
  ].join(", ");

export function printPassword(password: string | undefined) {
  if (password) console.log(say("cli.password", { password }));
}

const FIELD_NAMES: Record<string, string> = {
  email: "email",
  name: "--name",
  title: "--title",
  role: "--role",
  unit: "--unit",
  password: "--password",
};

/** The domain's refusals in words an operator reads on a terminal; exit code 2 like any refusal. */
async function explain<T>(actor: Actor | null, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === "FORBIDDEN")
      throw new CliError(refused(say("cli.user.forbidden", { email: actor?.email ?? "—" })), 2);
    if (error.code === "NOT_FOUND") throw new CliError(say("cli.user.notFound"), 2);
    if (error.messageKey === "errors.lastAdmin") throw new CliError(refused(say(error.messageKey)), 2);
    const fields = Object.entries(error.fieldErrors ?? {}).map(
      ([field, keys]) => `  ${FIELD_NAMES[field] ?? field}: ${keys.map((key) => say(key)).join(" ")}`,
    );
    throw new CliError([say("cli.user.invalid"), ...fields].join("\n"), 2);
  }
}
