import type { Db } from "../db/client";
import { notFound } from "../errors";
import { authorize, can } from "../policies";
import type { Actor } from "../policies/actor";
import { periodOrder } from "../planning/figures";

/** The unit, the periods assessed beneath it (latest first) and the criteria sets, for the dashboard's choices. */
export async function listRollupPeriods(db: Db, actor: Actor, unitId: string) {
  const unit = await db.orgUnit.findUnique({
    where: { id: unitId },
    select: { id: true, code: true, name: true, path: true, level: true },
  });
  if (!unit || !can(actor, "unit.view", unit)) throw notFound();
  authorize(actor, "unit.rollup", unit);
  const [periods, sets] = await Promise.all([
    db.criterionAssessment.groupBy({ by: ["period"], where: { unit: { path: { startsWith: unit.path } } } }),
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
