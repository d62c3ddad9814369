import type { Db } from "../db/client";
import type { Prisma, Role, UnitLevel } from "../db/generated/client";

export interface ActorMembership {
  role: Role;
  unitId: string;
  unitCode: string;
  unitName: string;
  unitLevel: UnitLevel;
  /** Materialised path of the unit, e.g. "/11/099/03199/". */
  unitPath: string;
}

/** The signed-in user as the policies see them: who they are and where they hold which role. */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  memberships: ActorMembership[];
}

export const actorSelect = {
  id: true,
  name: true,
  email: true,
  disabledAt: true,
  memberships: {
    select: { role: true, unit: { select: { id: true, code: true, name: true, level: true, path: true } } },
    orderBy: { unit: { depth: "asc" } },
  },
} satisfies Prisma.UserSelect;

/**
 * Loads the actor afresh on every request, so a changed role or a disabled account takes
 * effect at once rather than when a session token expires. Returns null for disabled users.
 */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: actorSelect });
  if (!user || user.disabledAt) return null;
  return toActor(user);
}

/** The actor of a user row loaded with `actorSelect`. */
export function toActor(user: Prisma.UserGetPayload<{ select: typeof actorSelect }>): Actor {
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    memberships: user.memberships.map((m) => ({
      role: m.role,
      unitId: m.unit.id,
      unitCode: m.unit.code,
      unitName: m.unit.name,
      unitLevel: m.unit.level,
      unitPath: m.unit.path,
    })),
  };
}
