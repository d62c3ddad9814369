import { runAs } from "../commands/run-command";
import type { Db } from "../db/client";
import { invalidFields } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/actor";
import {
  assertAnotherAdmin,
  auditView,
  findManagedUser,
  type ManagedUser,
  managedUserSelect,
  requireUserManager,
} from "./managed-user";
import { parseInput, type TMembership, ZMembership } from "./schemas";

/**
 * Gives an account a role at a unit ("grant") or takes it away ("revoke"); the admin must manage
 * the unit and every unit where the user holds a role. Holding it already (or not at all) changes
 * nothing. Either way the user's rights change at their next request, and their open documents
 * close on every instance to be checked again. Never the last active admin's admin role.
 */
async function changeRole(db: Db, actor: Actor, input: TMembership, grant: boolean) {
  requireUserManager(actor);
  const { email, role, unit: code } = parseInput(ZMembership, input);
  const unit = await db.orgUnit.findUnique({
    where: { code },
    select: { id: true, code: true, path: true, level: true },
  });
  if (!unit) throw invalidFields({ unit: ["validation.unitUnknown"] });
  const user = await findManagedUser(db, actor, email);
  authorize(actor, "users.manage", { units: [unit] });
  const holds = user.memberships.some((m) => m.role === role && m.unit.code === unit.code);
  if (holds === grant) return { user, changed: false };
  const after = await runAs(db, actor, async (tx, effects, me): Promise<ManagedUser> => {
    authorize(me, "users.manage", { units: [unit, ...user.memberships.map((m) => m.unit)] });
    if (grant) await tx.membership.create({ data: { userId: user.id, unitId: unit.id, role } });
    else {
      const keepsAdmin = user.memberships.some((m) => m.role === "admin" && m.unit.code !== unit.code);
      if (role === "admin" && !keepsAdmin) await assertAnotherAdmin(tx, user.id);
      await tx.membership.deleteMany({ where: { userId: user.id, unitId: unit.id, role } });
    }
    const after = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: managedUserSelect });
    effects.audit({
      action: grant ? "user.grant" : "user.revoke",
      entityType: "User",
      entityId: user.id,
      before: auditView(user),
      after: auditView(after),
    });
    effects.userAccessChanged(user.id);
    return after;
  });
  return { user: after, changed: true };
}

export const grantRole = (db: Db, actor: Actor, input: TMembership) => changeRole(db, actor, input, true);
export const revokeRole = (db: Db, actor: Actor, input: TMembership) => changeRole(db, actor, input, false);
