import { IN_FORCE_STATUS, LATEST_REVISION_WHERE } from "../approvals/workflow";
import type { Db } from "../db/client";
import type { CapitalSource, Prisma } from "../db/generated/client";
import { viewablePlansWhere } from "../policies";
import type { Actor } from "../policies/actor";
import { isOverdue, moneyFigures, percentOf, sumBigInt, todayInVietnam } from "../planning/figures";
import { lineFigures, moneyBySource, targetFigures } from "../planning/totals";
import { loadRollupUnit } from "./rollup-unit";

const LIST_LIMIT = 50;

export interface PlanningQuery {
  unitId: string;
  year: number;
  /**
   * Count drafts, submitted and returned plans too (an open amendment instead of the plan it
   * amends); by default only approved plans (in force) count.
   */
  includeUnapproved?: boolean;
}

/**
 * The plans of the units that count for the unit, for a year, that the actor may see, once the
 * roll-up is allowed (the dashboard, its drill-downs and the milestone timeline count the same):
 * `counted` as the query asks, and `unapproved`, those only the toggle adds.
 */
export async function plansOfYearWhere(db: Db, actor: Actor, { unitId, year, includeUnapproved }: PlanningQuery) {
  const { unit, scopeWhere } = await loadRollupUnit(db, actor, { id: unitId });
  const ofYear: Prisma.PlanWhereInput[] = [
    viewablePlansWhere(actor),
    { issuingUnit: scopeWhere },
    { OR: [{ year }, { year: null, periodStart: { lte: year }, periodEnd: { gte: year } }] },
  ];
  return {
    unit,
    counted: {
      AND: [...ofYear, includeUnapproved ? LATEST_REVISION_WHERE : { status: IN_FORCE_STATUS }],
    } satisfies Prisma.PlanWhereInput,
    unapproved: {
      AND: [...ofYear, LATEST_REVISION_WHERE, { status: { not: IN_FORCE_STATUS } }],
    } satisfies Prisma.PlanWhereInput,
  };
}

/**
 * What the plans of a unit and the units beneath it add up to for a year: targets with their
 * progress, milestones due and overdue, money by capital source (allocated, disbursed, rate)
 * and shortages by category with how much of each is already covered by a milestone or money.
 * Only plans the actor may see are counted, and only approved ones unless asked: a draft's
 * figures are proposals, not what the unit has committed to. `unapprovedPlans` says how many
 * the figures leave out (or, with the toggle, include).
 */
export async function planningRollup(db: Db, actor: Actor, input: PlanningQuery) {
  const { year } = input;
  const { counted: plan, unapproved } = await plansOfYearWhere(db, actor, input);
  const yearStart = new Date(Date.UTC(year, 0, 1));
  const nextYear = new Date(Date.UTC(year + 1, 0, 1));
  const covered: Prisma.ShortageWhereInput = { OR: [{ milestones: { some: {} } }, { budgetLines: { some: {} } }] };
  const [lines, milestones, shortageGroups, coveredGroups, targets, unapprovedPlans] = await Promise.all([
    db.budgetLine.findMany({
      where: { plan, year },
      select: { source: true, amount: true, disbursements: { select: { amount: true } } },
    }),
    db.milestone.findMany({
      where: { plan, dueOn: { gte: yearStart, lt: nextYear } },
      select: {
        id: true,
        title: true,
        dueOn: true,
        status: true,
        ownerUnit: { select: { name: true } },
        plan: { select: { id: true, number: true, symbol: true } },
      },
      orderBy: { dueOn: "asc" },
    }),
    db.shortage.groupBy({
      by: ["category", "unitLabel"],
      where: { plan, status: { not: "closed" } },
      _sum: { quantity: true, estimatedCost: true },
    }),
    db.shortage.groupBy({
      by: ["category", "unitLabel"],
      where: { plan, status: { not: "closed" }, ...covered },
      _sum: { quantity: true },
    }),
    db.target.findMany({
      where: { plan },
      take: LIST_LIMIT,
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        title: true,
        unit: true,
        baselineValue: true,
        targetValue: true,
        targetYear: true,
        direction: true,
        measurements: { select: { period: true, value: true } },
        plan: { select: { id: true, number: true, symbol: true, issuingUnit: { select: { name: true } } } },
      },
    }),
    db.plan.count({ where: unapproved }),
  ]);

  const money = moneyBySource(lines.map(lineFigures));
  const today = todayInVietnam();
  const overdue = milestones.filter((m) => isOverdue(m, today));
  return {
    year,
    includesUnapproved: !!input.includeUnapproved,
    unapprovedPlans,
    budget: money,
    milestones: {
      due: milestones.length,
      done: milestones.filter((m) => m.status === "done").length,
      overdue: overdue.length,
      overdueList: overdue.slice(0, LIST_LIMIT),
    },
    shortages: shortageGroups.map((group) => {
      const open = group._sum.quantity ?? 0;
      const covered =
        coveredGroups.find((c) => c.category === group.category && c.unitLabel === group.unitLabel)?._sum.quantity ?? 0;
      return {
        category: group.category,
        unitLabel: group.unitLabel,
        open,
        covered,
        coveredRate: percentOf(BigInt(covered), BigInt(open)),
        estimatedCost: group._sum.estimatedCost ?? 0n,
      };
    }),
    targets: targets.map(({ measurements, ...target }) => {
      const { latest, progress } = targetFigures({ ...target, measurements });
      return {
        ...target,
        baselineValue: target.baselineValue.toString(),
        targetValue: target.targetValue.toString(),
        latest,
        progress,
      };
    }),
  };
}

/** Drill-down of the money figures: the budget lines of one capital source for the year, with their plans. */
export async function budgetLinesOf(db: Db, actor: Actor, input: PlanningQuery & { source: CapitalSource }) {
  const { counted: plan } = await plansOfYearWhere(db, actor, input);
  const lines = await db.budgetLine.findMany({
    where: { plan, year: input.year, source: input.source },
    orderBy: { amount: "desc" },
    take: 500,
    select: {
      id: true,
      description: true,
      amount: true,
      disbursements: { select: { amount: true } },
      plan: { select: { id: true, number: true, symbol: true, issuingUnit: { select: { name: true } } } },
    },
  });
  return lines.map(({ disbursements, amount, ...line }) => ({
    ...line,
    ...moneyFigures(amount, sumBigInt(disbursements.map((d) => d.amount))),
  }));
}
