import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { DomainError } from "../errors";
import { type Actor, loadActor } from "../policies/actor";
import { Effects } from "./effects";

export type Tx = Prisma.TransactionClient;

export interface CommandOptions {
  /** Large imports need longer than Prisma's default 5 s. */
  timeoutMs?: number;
}

/**
 * The one way every change happens, whoever asks (a form, an import, the CLI, a scheduled
 * sweep). Inside one transaction the actor is read again and `body` checks and writes with
 * that reading; the audit events and notifications it asked for are written with it. Before
 * commit the account is read once more under a share lock: a write still in flight when the
 * account was disabled or its roles changed is refused, and a later change to the account waits
 * for this one to commit. After commit the runner publishes what the change means to others
 * (see Effects). A system command (no actor) gets null.
 */
export async function runCommand<T>(
  db: Db,
  actor: Actor | null,
  body: (tx: Tx, effects: Effects, actor: Actor | null) => Promise<T>,
  options: CommandOptions = {},
): Promise<T> {
  const effects = new Effects(actor?.userId ?? null);
  const result = await db.$transaction(
    async (tx) => {
      const current = actor ? await loadActor(tx, actor.userId) : null;
      if (actor && !current) throw new DomainError("UNAUTHORIZED", "errors.unauthorized");
      const value = await body(tx, effects, current);
      await effects.write(tx);
      // A command that changes its own actor's account (an admin disabling themselves) is that change.
      if (current && !effects.changesAccessOf(current.userId)) await assertUnchanged(tx, current);
      return value;
    },
    options.timeoutMs ? { timeout: options.timeoutMs, maxWait: 30_000 } : undefined,
  );
  await effects.publish(db);
  return result;
}

/** The same for a signed-in actor: `body` always gets the actor as read in the transaction. */
export const runAs = <T>(
  db: Db,
  actor: Actor,
  body: (tx: Tx, effects: Effects, actor: Actor) => Promise<T>,
  options?: CommandOptions,
) => runCommand(db, actor, (tx, effects, current) => body(tx, effects, current!), options);

/** The account as the command found it, still: enabled and with the same roles, locked until commit. */
async function assertUnchanged(tx: Tx, actor: Actor) {
  const now = await loadActor(tx, actor.userId, { lock: true });
  if (!now) throw new DomainError("UNAUTHORIZED", "errors.unauthorized");
  const roles = (a: Actor) => a.memberships.map((m) => `${m.role}@${m.unitId}`).join();
  if (roles(now) !== roles(actor)) throw new DomainError("CONFLICT", "errors.conflict");
}
