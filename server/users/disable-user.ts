import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import type { Actor } from "../policies/actor";
import { findManagedUser, managedUserSelect, requireUserManager } from "./managed-user";
import { type TUserDisable, ZUserDisable, parseInput } from "./schemas";

/**
 * Disables an account: it can no longer sign in, and its open sessions stop working at their
 * next request (the actor is loaded afresh each time). The last active admin cannot be
 * disabled, or nobody could manage accounts any more. Disabling a disabled account changes
 * nothing.
 */
export async function disableUser(db: Db, actor: Actor, input: TUserDisable, now = new Date()) {
  requireUserManager(actor);
  const { email } = parseInput(ZUserDisable, input);
  const before = await findManagedUser(db, actor, email);
  if (before.disabledAt) return { user: before, alreadyDisabled: true };

  const user = await db.$transaction(async (tx) => {
    if (before.memberships.some((m) => m.role === "admin")) {
      // Locking the active admins' rows makes two admins disabling each other at the same
      // moment take turns, so the second sees the first one's change and is refused.
      const admins = await tx.$queryRaw<{ id: string }[]>`
        SELECT u.id FROM "User" u
        WHERE u."disabledAt" IS NULL AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = u.id AND m.role = 'admin')
        FOR UPDATE OF u`;
      if (!admins.some((admin) => admin.id !== before.id)) throw new DomainError("CONFLICT", "errors.lastAdmin");
    }
    const after = await tx.user.update({
      where: { id: before.id, disabledAt: null },
      data: { disabledAt: now, sessionVersion: { increment: 1 } },
      select: managedUserSelect,
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "user.disable",
      entityType: "User",
      entityId: before.id,
      before: { disabledAt: null },
      after: { disabledAt: after.disabledAt },
    });
    return after;
  });
  return { user, alreadyDisabled: false };
}
