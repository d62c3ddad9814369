import { runAs } from "../commands/run-command";
import type { Db } from "../db/client";
import { authorize } from "../policies";
import type { Actor } from "../policies/actor";
import { assertAnotherAdmin, findManagedUser, managedUserSelect, requireUserManager } from "./managed-user";
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

  const user = await runAs(db, actor, async (tx, effects, me) => {
    authorize(me, "users.manage", { units: before.memberships.map((m) => m.unit) });
    if (before.memberships.some((m) => m.role === "admin")) await assertAnotherAdmin(tx, before.id);
    const after = await tx.user.update({
      where: { id: before.id, disabledAt: null },
      data: { disabledAt: now, sessionVersion: { increment: 1 } },
      select: managedUserSelect,
    });
    effects.audit({
      action: "user.disable",
      entityType: "User",
      entityId: before.id,
      before: { disabledAt: null },
      after: { disabledAt: after.disabledAt },
    });
    // Their open documents close on every instance, and anything still in flight is refused.
    effects.userAccessChanged(before.id);
    return after;
  });
  return { user, alreadyDisabled: false };
}
