import type { Db } from "../db/client";
import type { Actor } from "../policies/actor";
import { authorableUnitsWhere } from "../policies";
import { unitSummarySelect } from "../units/unit-select";

/**
 * What the plan form offers: the units the actor may author for (units abolished by the
 * 2025 reform included, since their 2021–2025 plans are still kept up), and the programmes.
 */
export async function getPlanFormOptions(db: Db, actor: Actor) {
  const [units, programs] = await Promise.all([
    db.orgUnit.findMany({
      where: authorableUnitsWhere(actor),
      select: unitSummarySelect,
      orderBy: [{ depth: "asc" }, { code: "asc" }],
    }),
    db.program.findMany({ orderBy: { periodStart: "asc" } }),
  ]);
  return { units, programs };
}
