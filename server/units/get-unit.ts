import type { Db } from "../db/client";
import { notFound } from "../errors";
import type { Actor } from "../policies/actor";
import { can, viewableUnitsWhere } from "../policies";
import { pathAndAncestors } from "../policies/tree";
import { unitSummarySelect } from "./unit-select";

/**
 * A unit with its visible ancestors (for the breadcrumb), its children grouped for the tree,
 * and what it became after a merger. NOT_FOUND when the actor may not see it.
 */
export async function getUnit(db: Db, actor: Actor, unitId: string) {
  const unit = await db.orgUnit.findUnique({
    where: { id: unitId },
    select: {
      ...unitSummarySelect,
      validFrom: true,
      parentId: true,
      mergedInto: { select: unitSummarySelect },
      mergedFrom: { select: unitSummarySelect },
    },
  });
  if (!unit || !can(actor, "unit.view", unit)) throw notFound();

  const [ancestors, children] = await Promise.all([
    db.orgUnit.findMany({
      where: { AND: [{ path: { in: pathAndAncestors(unit.path).slice(0, -1) } }, viewableUnitsWhere(actor)] },
      select: unitSummarySelect,
      orderBy: { depth: "asc" },
    }),
    findVisibleChildren(db, actor, unit.id),
  ]);
  return { ...unit, ancestors, children, canRollup: can(actor, "unit.rollup", unit) };
}

/** The visible children of a unit the actor may see; NOT_FOUND otherwise. */
export async function listChildUnits(db: Db, actor: Actor, parentId: string) {
  const parent = await db.orgUnit.findUnique({ where: { id: parentId }, select: { path: true, level: true } });
  if (!parent || !can(actor, "unit.view", parent)) throw notFound();
  return findVisibleChildren(db, actor, parentId);
}

/** Departments and schools come after the territorial units. */
async function findVisibleChildren(db: Db, actor: Actor, parentId: string) {
  const children = await db.orgUnit.findMany({
    where: { AND: [{ parentId }, viewableUnitsWhere(actor)] },
    select: { ...unitSummarySelect, _count: { select: { children: true, plans: true } } },
    orderBy: [{ code: "asc" }],
  });
  const order = { province: 0, district: 1, commune: 2, agency: 3, school: 4 } as const;
  return children.sort((a, b) => order[a.level] - order[b.level]);
}
