import type { Db } from "../db/client";
import { can } from "../policies";
import type { Actor } from "../policies/actor";
import { loadVisiblePlan } from "../plans/load-visible-plan";
import { isOverdue, sumBigInt, todayInVietnam, toScaled } from "./figures";
import { planScopeWhere } from "./plan-scope";
import { inPeriodOrder, lineFigures, moneyBySource, targetFigures } from "./totals";

const decimalText = (value: { toString(): string }) => value.toString();

/**
 * Everything the Targets, Milestones, Budget and Shortages tabs show, with the figures
 * computed here from the records (progress, overdue, totals and rates), and what the actor
 * may do. One query per plan keeps the tabs consistent with each other and cheap to refresh
 * when a live "planning changed" event arrives.
 */
export async function getPlanning(db: Db, actor: Actor, planId: string) {
  const plan = await loadVisiblePlan(db, actor, planId);
  const [targets, milestones, budgetLines, inKind, shortages, periods, commentCounts] = await Promise.all([
    db.target.findMany({
      where: { planId },
      orderBy: { createdAt: "asc" },
      include: {
        criterion: { select: { id: true, number: true, name: true, nameEn: true, set: { select: { code: true } } } },
        measurements: { include: { recordedBy: { select: { name: true } } } },
      },
    }),
    db.milestone.findMany({
      where: { planId },
      orderBy: [{ startOn: "asc" }, { createdAt: "asc" }],
      include: {
        ownerUnit: { select: { id: true, name: true } },
        targets: { select: { id: true } },
        shortages: { select: { id: true } },
      },
    }),
    db.budgetLine.findMany({
      where: { planId },
      orderBy: [{ year: "asc" }, { createdAt: "asc" }],
      include: { disbursements: { orderBy: { paidOn: "asc" } } },
    }),
    db.inKindContribution.findMany({ where: { planId }, orderBy: [{ year: "asc" }, { createdAt: "asc" }] }),
    db.shortage.findMany({
      where: { planId },
      orderBy: { createdAt: "asc" },
      include: {
        unit: { select: { id: true, name: true } },
        milestones: { select: { id: true } },
        budgetLines: { select: { id: true } },
      },
    }),
    db.plan.findUniqueOrThrow({ where: { id: planId }, select: { periodStart: true, periodEnd: true } }),
    db.comment.groupBy({
      by: ["subjectId"],
      where: { planId, parentId: null, subjectId: { not: null } },
      _count: true,
    }),
  ]);
  const today = todayInVietnam();
  const comments = new Map(commentCounts.map((c) => [c.subjectId!, c._count]));

  const lines = budgetLines.map(lineFigures);
  const money = moneyBySource(lines);
  const linesOf = (ids: string[]) => lines.filter((l) => ids.includes(l.id));

  return {
    canEdit: can(actor, "plan.update", plan),
    canTrack: can(actor, "plan.track", plan),
    period: periods,
    targets: targets.map((target) => {
      const { latest, progress } = targetFigures(target);
      return {
        ...target,
        baselineValue: decimalText(target.baselineValue),
        targetValue: decimalText(target.targetValue),
        measurements: inPeriodOrder(target.measurements).map((m) => ({ ...m, value: decimalText(m.value) })),
        latest,
        progress,
        comments: comments.get(target.id) ?? 0,
      };
    }),
    milestones: milestones.map(({ targets: linkedTargets, shortages: linkedShortages, ...milestone }) => {
      const own = lines.filter((l) => l.milestoneId === milestone.id);
      return {
        ...milestone,
        targetIds: linkedTargets.map((t) => t.id),
        shortageIds: linkedShortages.map((s) => s.id),
        overdue: isOverdue(milestone, today),
        budget: moneyBySource(own).total,
        comments: comments.get(milestone.id) ?? 0,
      };
    }),
    budget: {
      lines,
      bySource: money.bySource,
      totals: money.total,
      inKind: inKind.map((c) => ({ ...c, quantity: decimalText(c.quantity) })),
      inKindTotals: (["land_m2", "working_days"] as const).map((kind) => ({
        kind,
        // Two decimals at most, so hundredths add up exactly.
        quantity: (
          Number(sumBigInt(inKind.filter((c) => c.kind === kind).map((c) => toScaled(c.quantity) / 100n))) / 100
        ).toString(),
      })),
    },
    shortages: shortages.map(({ milestones: linkedMilestones, budgetLines: linkedLines, ...shortage }) => ({
      ...shortage,
      milestoneIds: linkedMilestones.map((m) => m.id),
      budgetLineIds: linkedLines.map((l) => l.id),
      /** Money allocated on the budget lines meant to close it. */
      funded: sumBigInt(linesOf(linkedLines.map((l) => l.id)).map((l) => l.allocated)),
      comments: comments.get(shortage.id) ?? 0,
    })),
  };
}

/** The choices the planning forms offer: units in the plan's reach and criteria of sets covering its period. */
export async function getPlanningOptions(db: Db, actor: Actor, planId: string) {
  const plan = await loadVisiblePlan(db, actor, planId);
  const { periodStart, periodEnd } = await db.plan.findUniqueOrThrow({
    where: { id: planId },
    select: { periodStart: true, periodEnd: true },
  });
  const [units, criteriaSets] = await Promise.all([
    db.orgUnit.findMany({
      where: planScopeWhere(plan.issuingUnit),
      select: { id: true, name: true, level: true, code: true },
      orderBy: [{ depth: "asc" }, { code: "asc" }],
      take: 2000,
    }),
    db.criteriaSet.findMany({
      where: { periodStart: { lte: periodEnd }, periodEnd: { gte: periodStart } },
      select: {
        code: true,
        name: true,
        nameEn: true,
        criteria: { select: { id: true, number: true, name: true, nameEn: true }, orderBy: { number: "asc" } },
      },
      orderBy: { code: "asc" },
    }),
  ]);
  return { units, criteriaSets };
}
