import type { Db } from "../db/client";
import type { Actor } from "../policies/actor";
import { type RollupQuery, criteriaRollup } from "../rollups/criteria-rollup";
import { planningRollup } from "../rollups/planning-rollup";

/**
 * What a unit's report and its tables are made of, for a period: the criteria roll-up of the
 * period (which checks the unit, the actor's right to roll it up, the period and the set) and
 * what the plans add up to in the period's year. The same functions feed the dashboard.
 */
export async function unitRollups(db: Db, actor: Actor, query: RollupQuery) {
  const criteria = await criteriaRollup(db, actor, query);
  const year = Number(criteria.period.slice(0, 4));
  const [planning, unit] = await Promise.all([
    planningRollup(db, actor, { unitId: criteria.unit.id, year }),
    db.orgUnit.findUniqueOrThrow({
      where: { id: criteria.unit.id },
      select: { id: true, code: true, name: true, level: true, path: true },
    }),
  ]);
  return { unit, year, criteria, planning };
}

export type UnitRollups = Awaited<ReturnType<typeof unitRollups>>;
