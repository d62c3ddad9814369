import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { subtreePattern } from "../policies/tree";

/** The units that count for a unit: a path prefix, and the ids of units merged into it. */
export interface UnitScope {
  path: string;
  predecessors: string[];
}

/**
 * The units whose records count for a unit: those beneath it, and every unit merged into one
 * of them (and what was merged into those, and so on). After the 2025 reform a new commune's
 * history is that of the communes it was formed from, wherever they sat in the old tree. One
 * recursive query; only predecessors outside the unit's subtree are listed (the old tree of a
 * province hangs beneath it, so its path prefix already covers them).
 */
export async function unitScope(db: Pick<Db, "$queryRaw">, unit: { path: string }): Promise<UnitScope> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE predecessor AS (
      SELECT m.id, m.path FROM "OrgUnit" m JOIN "OrgUnit" t ON t.id = m."mergedIntoId"
      WHERE t.path LIKE ${subtreePattern(unit.path)}
      UNION
      SELECT m.id, m.path FROM "OrgUnit" m JOIN predecessor p ON m."mergedIntoId" = p.id
    )
    SELECT id FROM predecessor WHERE path NOT LIKE ${subtreePattern(unit.path)}`;
  return { path: unit.path, predecessors: rows.map((row) => row.id) };
}

/** The scope as a Prisma filter on units. */
export const scopeWhere = ({ path, predecessors }: UnitScope): Prisma.OrgUnitWhereInput =>
  predecessors.length
    ? { OR: [{ path: { startsWith: path } }, { id: { in: predecessors } }] }
    : { path: { startsWith: path } };
