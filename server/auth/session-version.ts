import { runCommand } from "../commands/run-command";
import type { Db } from "../db/client";

/**
 * Session versions: a session cookie and a collaboration token carry the user's version from
 * when they were issued, and are honoured only while it is still the user's version. Sign-out,
 * a password reset and disabling bump it (the last two in their own transactions), which ends
 * every session of the user on every instance at its next request.
 */

/** The user's current version, or null when there is no such user. */
export async function currentSessionVersion(db: Db, userId: string): Promise<number | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? null;
}

/**
 * Ends the user's sessions, all of them: one version serves every device. Only a session that
 * is still valid does so, so a cookie that was already ended cannot end the sessions that
 * followed it.
 */
export async function endSessions(db: Db, userId: string, issuedUnder: number): Promise<void> {
  await runCommand(db, null, async (tx, effects) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, sessionVersion: issuedUnder },
      data: { sessionVersion: { increment: 1 } },
    });
    if (!count) return;
    effects.audit({
      action: "user.signOut",
      entityType: "User",
      entityId: userId,
      after: { sessionVersion: issuedUnder + 1 },
    });
    // The user's open documents close too, on every instance: their tokens carry the old version.
    effects.userAccessChanged(userId);
  });
}
