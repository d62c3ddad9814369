import type { Tx } from "../commands/run-command";
import type { CopiedIds } from "./copy-plan-content";

/**
 * While an amendment is drafted, its plan stays in force and its authors keep recording progress
 * there: measurements, payments, contributions in kind, milestone and shortage status. When the
 * amendment is approved, what was recorded on the plan in force since the amendment opened
 * follows to the records that stand for them in the amendment (those the amendment kept), so
 * that superseding a plan loses nothing. Where both recorded the same thing (a measurement of
 * the same period, a status), the later one stands.
 */
export async function carryProgress(tx: Tx, fromId: string, toId: string) {
  const opened = await tx.planTransition.findFirst({
    where: { planId: toId, action: "amend" },
    select: { at: true, snapshot: true },
  });
  const copied = (opened?.snapshot as { copied?: CopiedIds } | null)?.copied;
  if (!opened || !copied) return;
  const since = { gt: opened.at };
  const ids = { where: { planId: toId }, select: { id: true } } as const;
  const target = keptIn(copied.targets, await tx.target.findMany(ids));
  const measurements = await tx.targetMeasurement.findMany({
    where: { recordedAt: since, target: { planId: fromId } },
  });
  for (const { id: _, targetId, ...measurement } of measurements) {
    const to = target(targetId);
    if (!to) continue;
    const key = { targetId_period: { targetId: to, period: measurement.period } };
    const there = await tx.targetMeasurement.findUnique({ where: key, select: { recordedAt: true } });
    if (there && there.recordedAt >= measurement.recordedAt) continue;
    await tx.targetMeasurement.upsert({
      where: key,
      create: { ...measurement, targetId: to },
      update: measurement,
    });
  }

  const line = keptIn(copied.budgetLines, await tx.budgetLine.findMany(ids));
  const payments = await tx.disbursement.findMany({ where: { createdAt: since, budgetLine: { planId: fromId } } });
  await tx.disbursement.createMany({
    data: payments.flatMap(({ id: _, budgetLineId, ...payment }) => {
      const to = line(budgetLineId);
      return to ? [{ ...payment, budgetLineId: to }] : [];
    }),
  });

  const milestone = keptIn(copied.milestones, await tx.milestone.findMany(ids));
  const given = await tx.inKindContribution.findMany({ where: { planId: fromId, createdAt: since } });
  await tx.inKindContribution.createMany({
    data: given.map(({ id: _, planId: _p, milestoneId, ...row }) => ({
      ...row,
      planId: toId,
      milestoneId: milestone(milestoneId),
    })),
  });
  for (const row of await tx.milestone.findMany({ where: { planId: fromId, updatedAt: since } })) {
    const to = milestone(row.id);
    if (to)
      await tx.milestone.updateMany({
        where: { id: to, updatedAt: { lt: row.updatedAt } },
        data: { status: row.status },
      });
  }
  const shortage = keptIn(copied.shortages, await tx.shortage.findMany(ids));
  for (const row of await tx.shortage.findMany({ where: { planId: fromId, updatedAt: since } })) {
    const to = shortage(row.id);
    if (to)
      await tx.shortage.updateMany({
        where: { id: to, updatedAt: { lt: row.updatedAt } },
        data: { status: row.status },
      });
  }
}

/** The copy that stands for a record, if the amendment still has it. */
function keptIn(copies: Record<string, string>, rows: { id: string }[]) {
  const present = new Set(rows.map((row) => row.id));
  return (id: string | null) => {
    const copy = id ? copies[id] : undefined;
    return copy && present.has(copy) ? copy : null;
  };
}
