import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { forbidden, notFound } from "../errors";
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
