import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";

/** The units that count for a unit: a path prefix, and the ids of units merged into it. */
export interface UnitScope {
  path: string;
  predecessors: string[];
}

/**
 * The units whose records count for a unit: those beneath it, and every unit merged into one
 * of them (and what was merged into those, and so on). After the 2025 reform a new commune's
 * history is that of the communes it was formed from, wherever they sat in the old tree.
 */
export async function unitScope(db: Db, unit: { path: string }): Promise<UnitScope> {
  const predecessors: string[] = [];
  let frontier: Prisma.OrgUnitWhereInput = { mergedInto: { path: { startsWith: unit.path } } };
  for (let depth = 0; depth < 10; depth++) {
    const found = await db.orgUnit.findMany({
      where: { AND: [frontier, { id: { notIn: predecessors } }] },
      select: { id: true },
    });
    if (!found.length) break;
    predecessors.push(...found.map((u) => u.id));
    frontier = { mergedIntoId: { in: found.map((u) => u.id) } };
  }
  return { path: unit.path, predecessors };
}

/** The scope as a Prisma filter on units. */
export const scopeWhere = ({ path, predecessors }: UnitScope): Prisma.OrgUnitWhereInput =>
  predecessors.length
    ? { OR: [{ path: { startsWith: path } }, { id: { in: predecessors } }] }
    : { path: { startsWith: path } };
