import type { Db } from "../db/client";
import { notFound } from "../errors";
import { can, viewablePlansWhere } from "../policies";
import type { Actor } from "../policies/actor";

/**
 * What a unit and the units beneath it lack, from the plans the actor may see, with totals by
 * category and unit label ("thiếu 120 phòng bán trú").
 */
export async function listUnitShortages(db: Db, actor: Actor, unitId: string) {
  const unit = await db.orgUnit.findUnique({ where: { id: unitId }, select: { path: true, level: true } });
  if (!unit || !can(actor, "unit.view", unit)) throw notFound();
  const shortages = await db.shortage.findMany({
    where: { unit: { path: { startsWith: unit.path } }, plan: viewablePlansWhere(actor) },
    orderBy: [{ category: "asc" }, { createdAt: "asc" }],
    take: 500,
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
  });
  const totals = new Map<string, { category: string; unitLabel: string; quantity: number; open: number }>();
  for (const s of shortages) {
    const key = `${s.category}|${s.unitLabel}`;
    const total = totals.get(key) ?? { category: s.category, unitLabel: s.unitLabel, quantity: 0, open: 0 };
    total.quantity += s.quantity;
    if (s.status !== "closed") total.open += s.quantity;
    totals.set(key, total);
  }
  return { shortages, totals: [...totals.values()] };
}
