import type { Db } from "../db/client";
import { notFound } from "../errors";
import { authorize, can } from "../policies";
import type { Actor } from "../policies/actor";
import { scopeWhere, unitScope } from "./unit-scope";

/**
 * The unit a roll-up is about (by id or official code), if the actor may roll it up, with the
 * units that count for it (unitScope: the units beneath it and every unit merged into one of
 * them). Every roll-up — figures, periods, trend, drill-down, plans, shortages, reports — starts
 * here, so that a commune formed in 2025 counts the records of the communes it was formed from
 * everywhere alike.
 */
export async function loadRollupUnit(db: Db, actor: Actor, ref: { id: string } | { code: string }) {
  const unit = await db.orgUnit.findUnique({
    where: "id" in ref ? { id: ref.id } : { code: ref.code },
    select: { id: true, code: true, name: true, path: true, level: true },
  });
  if (!unit || !can(actor, "unit.view", unit)) throw notFound();
  authorize(actor, "unit.rollup", unit);
  const scope = await unitScope(db, unit);
  return { unit, scope, scopeWhere: scopeWhere(scope) };
}
