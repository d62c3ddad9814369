import { CURRENT_REVISION_WHERE } from "../approvals/workflow";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { can, viewablePlansWhere } from "../policies";
import type { Actor } from "../policies/actor";
import { scopeWhere, unitScope } from "../rollups/unit-scope";

const LIST_LIMIT = 500;

/**
 * What a unit and the units beneath it lack, from the plans the actor may see: totals by
 * category and unit label ("thiếu 120 phòng bán trú") summed by the database over every
 * record, and the records themselves up to a limit (`truncated` says when there are more).
 */
export async function listUnitShortages(db: Db, actor: Actor, unitId: string) {
  const unit = await db.orgUnit.findUnique({ where: { id: unitId }, select: { path: true, level: true } });
  if (!unit || !can(actor, "unit.view", unit)) throw notFound();
  // The units that count for this one: a commune formed in 2025 lists what its predecessors lacked.
  const where = {
    unit: scopeWhere(await unitScope(db, unit)),
    plan: { AND: [viewablePlansWhere(actor), CURRENT_REVISION_WHERE] },
  };
  const [shortages, groups] = await Promise.all([
    db.shortage.findMany({
      where,
      orderBy: [{ category: "asc" }, { createdAt: "asc" }],
      take: LIST_LIMIT + 1,
      select: {
        id: true,
        category: true,
        description: true,
        quantity: true,
        unitLabel: true,
        estimatedCost: true,
        status: true,
        unit: { select: { id: true, name: true } },
        plan: { select: { id: true, number: true, symbol: true } },
      },
    }),
    db.shortage.groupBy({
      by: ["category", "unitLabel", "status"],
      where,
      _sum: { quantity: true },
      orderBy: [{ category: "asc" }, { unitLabel: "asc" }],
    }),
  ]);
  const totals = new Map<string, { category: string; unitLabel: string; quantity: number; open: number }>();
  for (const group of groups) {
    const key = `${group.category}|${group.unitLabel}`;
    const total = totals.get(key) ?? { category: group.category, unitLabel: group.unitLabel, quantity: 0, open: 0 };
    const quantity = group._sum.quantity ?? 0;
    total.quantity += quantity;
    if (group.status !== "closed") total.open += quantity;
    totals.set(key, total);
  }
  return {
    shortages: shortages.slice(0, LIST_LIMIT),
    truncated: shortages.length > LIST_LIMIT,
    totals: [...totals.values()],
  };
}
