import type { Db } from "../db/client";
import type { Actor } from "../policies/actor";
import { viewableUnitsWhere } from "../policies";

/** Every unit the actor may see, in tree order, for pickers and filters. */
export function listViewableUnits(db: Db, actor: Actor) {
  return db.orgUnit.findMany({
    where: viewableUnitsWhere(actor),
    select: { id: true, code: true, name: true, level: true, depth: true },
    orderBy: { path: "asc" },
  });
}
