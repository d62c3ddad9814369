import { runAs } from "../commands/run-command";
import type { Db } from "../db/client";
import { invalidFields } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/actor";
import { assertAnotherAdmin, auditView, findManagedUser, managedUserSelect, requireUserManager } from "./managed-user";
import { parseInput, type TMembership, ZMembership } from "./schemas";

async function resolve(db: Db, actor: Actor, input: TMembership) {
  requireUserManager(actor);
  const { email, role, unit: code } = parseInput(ZMembership, input);
  const unit = await db.orgUnit.findUnique({
    where: { code },
    select: { id: true, code: true, path: true, level: true },
  });
  if (!unit) throw invalidFields({ unit: ["validation.unitUnknown"] });
  const user = await findManagedUser(db, actor, email);
  authorize(actor, "users.manage", { units: [unit] });
  return { user, role, unit };
}

/**
 * Gives an account a role at a unit (both beneath the admin). Holding it already changes
 * nothing. Rights widen at the user's next request; their open documents are checked again.
 */
export async function grantRole(db: Db, actor: Actor, input: TMembership) {
  const { user, role, unit } = await resolve(db, actor, input);
  if (user.memberships.some((m) => m.role === role && m.unit.code === unit.code)) return { user, changed: false };
  const after = await runAs(db, actor, async (tx, effects, me) => {
    authorize(me, "users.manage", { units: [unit, ...user.memberships.map((m) => m.unit)] });
    await tx.membership.create({ data: { userId: user.id, unitId: unit.id, role } });
    const after = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: managedUserSelect });
    effects.audit({
      action: "user.grant",
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

/**
 * Takes a role at a unit away from an account: at once for every request, and the user's open
 * documents close on every instance. Never the last active admin's admin role.
 */
export async function revokeRole(db: Db, actor: Actor, input: TMembership) {
  const { user, role, unit } = await resolve(db, actor, input);
  if (!user.memberships.some((m) => m.role === role && m.unit.code === unit.code)) return { user, changed: false };
  const after = await runAs(db, actor, async (tx, effects, me) => {
    authorize(me, "users.manage", { units: user.memberships.map((m) => m.unit) });
    if (role === "admin" && !user.memberships.some((m) => m.role === "admin" && m.unit.code !== unit.code))
      await assertAnotherAdmin(tx, user.id);
    await tx.membership.deleteMany({ where: { userId: user.id, unitId: unit.id, role } });
    const after = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: managedUserSelect });
    effects.audit({
      action: "user.revoke",
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
