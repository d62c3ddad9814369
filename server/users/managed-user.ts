import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { DomainError, forbidden, notFound } from "../errors";
import { authorize, can } from "../policies";
import type { Actor } from "../policies/actor";

/** What account management shows of a user: never the password hash. */
export const managedUserSelect = {
  id: true,
  email: true,
  name: true,
  title: true,
  disabledAt: true,
  failedSignIns: true,
  lockedUntil: true,
  memberships: { select: { role: true, unit: { select: { code: true, name: true, path: true, level: true } } } },
} satisfies Prisma.UserSelect;

export type ManagedUser = Prisma.UserGetPayload<{ select: typeof managedUserSelect }>;

/** Refuses at once anyone who is not an admin anywhere, before telling them whether an account exists. */
export function requireUserManager(actor: Actor) {
  if (!can(actor, "users.manage", { units: [] })) throw forbidden();
}

/** The account with this (already normalised) email, if the actor may manage it. */
export async function findManagedUser(db: Db, actor: Actor, email: string): Promise<ManagedUser> {
  const user = await db.user.findUnique({ where: { email }, select: managedUserSelect });
  if (!user) throw notFound();
  authorize(actor, "users.manage", { units: user.memberships.map((m) => m.unit) });
  return user;
}

/** The audit's picture of an account: who and where, with no secret. */
export const auditView = (user: Pick<ManagedUser, "email" | "name" | "title" | "memberships">) => ({
  email: user.email,
  name: user.name,
  title: user.title,
  roles: user.memberships.map((m) => ({ role: m.role, unit: m.unit.code })),
});

/**
 * Refuses to take away the last active admin (by disabling them or removing their role): nobody
 * could manage accounts any more. The active admins' rows are locked, so two admins removing
 * each other at the same moment take turns, and the second sees the first one's change.
 */
export async function assertAnotherAdmin(tx: Prisma.TransactionClient, userId: string) {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT u.id FROM "User" u
    WHERE u."disabledAt" IS NULL AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = u.id AND m.role = 'admin')
    ORDER BY u.id FOR UPDATE OF u`;
  if (!admins.some((admin) => admin.id !== userId)) throw new DomainError("CONFLICT", "errors.lastAdmin");
}
