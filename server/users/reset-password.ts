import { runAs } from "../commands/run-command";
import { hashPassword } from "../auth/password";
import type { Db } from "../db/client";
import { authorize } from "../policies";
import type { Actor } from "../policies/actor";
import { findManagedUser, managedUserSelect, requireUserManager } from "./managed-user";
import { generatePassword } from "./password-rule";
import { type TPasswordReset, ZPasswordReset, parseInput } from "./schemas";

/**
 * Sets a new password (generated and returned once when none is given) and lifts a sign-in
 * lock. A disabled account stays disabled.
 */
export async function resetPassword(db: Db, actor: Actor, input: TPasswordReset) {
  requireUserManager(actor);
  const { email, password } = parseInput(ZPasswordReset, input);
  const before = await findManagedUser(db, actor, email);
  const generatedPassword = password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(password ?? generatedPassword!);
  const user = await runAs(db, actor, async (tx, effects, me) => {
    authorize(me, "users.manage", { units: before.memberships.map((m) => m.unit) });
    const after = await tx.user.update({
      where: { id: before.id },
      data: { passwordHash, failedSignIns: 0, lockedUntil: null, sessionVersion: { increment: 1 } },
      select: managedUserSelect,
    });
    effects.audit({
      action: "user.resetPassword",
      entityType: "User",
      entityId: before.id,
      // That the password changed is recorded; the password and its hash never are.
      before: { failedSignIns: before.failedSignIns, lockedUntil: before.lockedUntil },
      after: { failedSignIns: 0, lockedUntil: null, passwordChanged: true, generated: generatedPassword !== undefined },
    });
    // Whoever held the old password is signed out of open documents too.
    effects.userAccessChanged(before.id);
    return after;
  });
  return { user, generatedPassword };
}
