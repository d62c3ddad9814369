import type { Db } from "../db/client";
import { Prisma, type Role, type UnitLevel } from "../db/generated/client";

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
 * effect at once rather than when a session token expires. Returns null for disabled users,
 * and, given the session version a session was issued under, when that session has ended.
 * With `lock` (inside a transaction) the user's row is share-locked until it ends: a change
 * to the account (disabling it) waits for the write under way, or the write sees it.
 */
export async function loadActor(
  db: Pick<Db, "$queryRaw">,
  userId: string,
  { lock = false, sessionVersion }: { lock?: boolean; sessionVersion?: number } = {},
): Promise<Actor | null> {
  // One query rather than the three Prisma sends for a user with its memberships and their units:
  // this runs before every request's own work. Same rows and order as `actorSelect`.
  const rows = await db.$queryRaw<ActorRow[]>`
    SELECT u.id AS "userId", u.name, u.email, u."disabledAt", u."sessionVersion",
           m.role::text AS role, o.id AS "unitId", o.code AS "unitCode", o.name AS "unitName",
           o.level::text AS "unitLevel", o.path AS "unitPath"
    FROM "User" u
    LEFT JOIN "Membership" m ON m."userId" = u.id
    LEFT JOIN "OrgUnit" o ON o.id = m."unitId"
    WHERE u.id = ${userId}
    ORDER BY o.depth ASC, m.id ASC
    ${lock ? Prisma.sql`FOR SHARE OF u` : Prisma.empty}`;
  const user = rows[0];
  if (!user || user.disabledAt) return null;
  if (sessionVersion !== undefined && user.sessionVersion !== sessionVersion) return null;
  return {
    userId: user.userId,
    name: user.name,
    email: user.email,
    memberships: rows
      .filter((row): row is ActorRow & ActorMembership => row.unitId !== null)
      .map(({ role, unitId, unitCode, unitName, unitLevel, unitPath }) => ({
        role,
        unitId,
        unitCode,
        unitName,
        unitLevel,
        unitPath,
      })),
  };
}

type ActorRow = { userId: string; name: string; email: string; disabledAt: Date | null; sessionVersion: number } & {
  [K in keyof ActorMembership]: ActorMembership[K] | null;
};

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
