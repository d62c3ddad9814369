import type { Db } from "../db/client";
import type { Actor } from "../policies/actor";
import { periodOrder } from "../planning/figures";
import { loadRollupUnit } from "./rollup-unit";

/** The unit, the periods assessed among the units that count for it (latest first) and the criteria sets, for the dashboard's choices. */
export async function listRollupPeriods(db: Db, actor: Actor, unitId: string) {
  const { unit, scopeWhere } = await loadRollupUnit(db, actor, { id: unitId });
  const [periods, sets] = await Promise.all([
    db.unitPeriodResult.groupBy({ by: ["period"], where: { unit: scopeWhere } }),
    db.criteriaSet.findMany({
      select: { code: true, name: true, nameEn: true, periodStart: true, periodEnd: true, unitLevel: true },
      orderBy: { periodStart: "desc" },
    }),
  ]);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level },
    periods: periods.map((p) => p.period).sort((a, b) => periodOrder(b) - periodOrder(a)),
    sets,
  };
}
