import type { Db } from "../db/client";
import { LOCK_MINUTES, MAX_FAILED_SIGN_INS } from "./lock-policy";
import { verifyPassword } from "./password";

export type SignInResult =
  | { ok: true; user: { id: string; name: string; email: string } }
  | { ok: false; reason: "invalid" | "locked" | "disabled"; lockedUntil?: Date };

/**
 * Checks an email and password. Failures are counted per account and lock it for a while,
 * so guessing is slow; a correct password does not unlock a locked account early. The same
 * answer ("invalid") is given for an unknown email and a wrong password.
 */
export async function verifyCredentials(
  db: Db,
  email: string,
  password: string,
  now = new Date(),
): Promise<SignInResult> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: {
      id: true,
      name: true,
      email: true,
      passwordHash: true,
      failedSignIns: true,
      lockedUntil: true,
      disabledAt: true,
    },
  });
  if (!user) return { ok: false, reason: "invalid" };
  if (user.disabledAt) return { ok: false, reason: "disabled" };
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: "locked", lockedUntil: user.lockedUntil };

  if (await verifyPassword(password, user.passwordHash)) {
    if (user.failedSignIns > 0 || user.lockedUntil) {
      await db.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null } });
    }
    return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
  }

  // Counted in the database so that every server instance sees the same number.
  const updated = await db.user.update({
    where: { id: user.id },
    data: { failedSignIns: { increment: 1 } },
    select: { failedSignIns: true },
  });
  if (updated.failedSignIns >= MAX_FAILED_SIGN_INS) {
    const lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    await db.user.update({ where: { id: user.id }, data: { lockedUntil, failedSignIns: 0 } });
    return { ok: false, reason: "locked", lockedUntil };
  }
  return { ok: false, reason: "invalid" };
}
