import type { Db } from "../db/client";
import type { Actor } from "../policies/actor";
import { unitSummarySelect } from "./unit-select";

/** The units where the actor holds a role, with the roles and how many units lie beneath. */
export async function listMyUnits(db: Db, actor: Actor) {
  const ids = [...new Set(actor.memberships.map((m) => m.unitId))];
  const units = await db.orgUnit.findMany({
    where: { id: { in: ids } },
    select: { ...unitSummarySelect, _count: { select: { children: true, plans: true } } },
    orderBy: [{ depth: "asc" }, { code: "asc" }],
  });
  return units.map((unit) => ({
    ...unit,
    roles: actor.memberships.filter((m) => m.unitId === unit.id).map((m) => m.role),
  }));
}
