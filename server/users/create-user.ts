import type { Effects } from "../commands/effects";
import { runAs, runCommand } from "../commands/run-command";
import { hashPassword } from "../auth/password";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { forbidden, invalidFields } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/actor";
import { auditView, managedUserSelect, requireUserManager } from "./managed-user";
import { generatePassword } from "./password-rule";
import { type TUserCreate, ZUserCreate, parseInput } from "./schemas";

/**
 * Creates an account holding one role at one unit. Without a password a strong one is
 * generated and returned once (`generatedPassword`); only its hash is kept.
 */
export async function createUser(db: Db, actor: Actor, input: TUserCreate) {
  requireUserManager(actor);
  const { email, name, title, role, unit: unitCode, password } = parseInput(ZUserCreate, input);
  const unit = await db.orgUnit.findUnique({
    where: { code: unitCode },
    select: { id: true, code: true, name: true, path: true, level: true },
  });
  if (!unit) throw invalidFields({ unit: ["validation.unitUnknown"] });
  authorize(actor, "users.manage", { units: [unit] });
  if (await db.user.findUnique({ where: { email }, select: { id: true } }))
    throw invalidFields({ email: ["validation.emailTaken"] });

  const generatedPassword = password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(password ?? generatedPassword!);
  try {
    const user = await runAs(db, actor, async (tx, effects, me) => {
      authorize(me, "users.manage", { units: [unit] });
      const created = await tx.user.create({
        data: { email, name, title, passwordHash, memberships: { create: { role, unitId: unit.id } } },
        select: managedUserSelect,
      });
      effects.audit({
        action: "user.create",
        entityType: "User",
        entityId: created.id,
        after: auditView(created),
      });
      return created;
    });
    return { user, generatedPassword };
  } catch (error) {
    // Someone took the email between the check above and the insert.
    if ((error as { code?: string }).code === "P2002") throw invalidFields({ email: ["validation.emailTaken"] });
    throw error;
  }
}

/**
 * Creates the installation's first admin, when no active admin exists: with no admin there is
 * nobody `users.manage` could allow, so the CLI, run by whoever operates the server, starts
 * the chain here. Refused as soon as an active admin exists. Audited with no actor.
 */
export async function createFirstAdmin(db: Db, input: TUserCreate) {
  const { email, name, title, role, unit: unitCode, password } = parseInput(ZUserCreate, input);
  if (role !== "admin") throw invalidFields({ role: ["validation.firstUserAdmin"] });
  const unit = await db.orgUnit.findUnique({ where: { code: unitCode }, select: { id: true } });
  if (!unit) throw invalidFields({ unit: ["validation.unitUnknown"] });
  const generatedPassword = password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(password ?? generatedPassword!);
  const user = await runCommand(db, null, (tx, effects) =>
    insertFirstAdmin(tx, effects, { email, name, title, passwordHash }, unit.id),
  );
  return { user, generatedPassword };
}

/**
 * The first admin's account and role, inside the caller's transaction (first-run setup creates
 * the province's units in the same one): refused when an active admin exists or the email is taken.
 */
export async function insertFirstAdmin(
  tx: Prisma.TransactionClient,
  effects: Effects,
  account: { email: string; name: string; title: string; passwordHash: string },
  unitId: string,
) {
  // Two operators bootstrapping at once take turns, and the second finds the first's admin.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('chungtay.first-admin'))`;
  if (await tx.user.count({ where: { disabledAt: null, memberships: { some: { role: "admin" } } } })) throw forbidden();
  if (await tx.user.findUnique({ where: { email: account.email }, select: { id: true } }))
    throw invalidFields({ email: ["validation.emailTaken"] });
  const created = await tx.user.create({
    data: { ...account, memberships: { create: { role: "admin", unitId } } },
    select: managedUserSelect,
  });
  effects.audit({
    action: "user.create",
    entityType: "User",
    entityId: created.id,
    after: { ...auditView(created), firstAdmin: true },
  });
  return created;
}

/** Whether any account may still manage users; without one, only `createFirstAdmin` can start. */
export async function hasActiveAdmin(db: Db): Promise<boolean> {
  return (await db.user.count({ where: { disabledAt: null, memberships: { some: { role: "admin" } } } })) > 0;
}
