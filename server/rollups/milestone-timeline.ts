import type { Db } from "../db/client";
import type { MilestoneStatus, Prisma } from "../db/generated/client";
import type { Actor } from "../policies/actor";
import { isOverdue, overdueMilestoneWhere, moneyFigures, sumBigInt, todayInVietnam } from "../planning/figures";
import { type PlanningQuery, plansOfYearWhere } from "./planning-rollup";

/** More than a leader reads on one page; the filters narrow it down. */
export const TIMELINE_LIMIT = 500;

export interface TimelineQuery extends PlanningQuery {
  /** A milestone status, or "overdue": open and past its due date. */
  status?: MilestoneStatus | "overdue";
}

/**
 * Every milestone due in the year in the plans a leader follows beneath a unit (the plans the
 * dashboard counts), grouped by issuing unit and plan, overdue first, each with the money
 * allocated to it and the shortages it is meant to close.
 */
export async function milestoneTimeline(db: Db, actor: Actor, { status, ...query }: TimelineQuery) {
  const { unit, counted: plan, unapproved } = await plansOfYearWhere(db, actor, query);
  const today = todayInVietnam();
  const where: Prisma.MilestoneWhereInput = {
    AND: [
      { plan },
      { dueOn: { gte: new Date(Date.UTC(query.year, 0, 1)), lt: new Date(Date.UTC(query.year + 1, 0, 1)) } },
      status === "overdue" ? overdueMilestoneWhere(today) : status ? { status } : {},
    ],
  };
  const [total, unapprovedPlans, rows] = await Promise.all([
    db.milestone.count({ where }),
    db.plan.count({ where: unapproved }),
    db.milestone.findMany({
      where,
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      take: TIMELINE_LIMIT,
      select: {
        id: true,
        title: true,
        startOn: true,
        dueOn: true,
        status: true,
        ownerUnit: { select: { id: true, name: true } },
        budgetLines: { select: { amount: true, disbursements: { select: { amount: true } } } },
        shortages: {
          select: {
            id: true,
            category: true,
            quantity: true,
            unitLabel: true,
            status: true,
            unit: { select: { name: true } },
          },
        },
        plan: {
          select: {
            id: true,
            number: true,
            symbol: true,
            title: true,
            status: true,
            issuedAt: true,
            issuingUnit: { select: { id: true, name: true } },
          },
        },
      },
    }),
  ]);
  const milestones = rows.map(({ budgetLines, plan, ...milestone }) => ({
    ...milestone,
    plan,
    overdue: isOverdue(milestone, today),
    money: moneyFigures(
      sumBigInt(budgetLines.map((line) => line.amount)),
      sumBigInt(budgetLines.flatMap((line) => line.disbursements.map((d) => d.amount))),
    ),
  }));
  return {
    unit,
    year: query.year,
    includesUnapproved: !!query.includeUnapproved,
    unapprovedPlans,
    total,
    shown: milestones.length,
    groups: groupByUnitAndPlan(milestones),
  };
}

type TimelineMilestone = {
  overdue: boolean;
  plan: { id: string; issuingUnit: { id: string; name: string } };
};

/** Units, then their plans, then milestones: whatever holds an overdue milestone comes first. */
function groupByUnitAndPlan<M extends TimelineMilestone>(milestones: M[]) {
  const units = new Map<
    string,
    { unit: M["plan"]["issuingUnit"]; plans: Map<string, { plan: M["plan"]; milestones: M[] }> }
  >();
  for (const milestone of milestones) {
    const { issuingUnit } = milestone.plan;
    const group = units.get(issuingUnit.id) ?? { unit: issuingUnit, plans: new Map() };
    units.set(issuingUnit.id, group);
    const planGroup = group.plans.get(milestone.plan.id) ?? { plan: milestone.plan, milestones: [] };
    group.plans.set(milestone.plan.id, planGroup);
    planGroup.milestones.push(milestone);
  }
  const overdueCount = (list: M[]) => list.filter((m) => m.overdue).length;
  const byOverdueThen =
    <T>(count: (item: T) => number, name: (item: T) => string) =>
    (a: T, b: T) =>
      count(b) - count(a) || name(a).localeCompare(name(b), "vi");
  return [...units.values()]
    .map(({ unit, plans }) => {
      const planGroups = [...plans.values()]
        .map(({ plan, milestones }) => ({
          plan,
          overdue: overdueCount(milestones),
          // Overdue first, each part by due date (the query's order).
          milestones: [...milestones.filter((m) => m.overdue), ...milestones.filter((m) => !m.overdue)],
        }))
        .sort(
          byOverdueThen(
            (p) => p.overdue,
            (p) => p.plan.id,
          ),
        );
      return { unit, overdue: sumOf(planGroups.map((p) => p.overdue)), plans: planGroups };
    })
    .sort(
      byOverdueThen(
        (u) => u.overdue,
        (u) => u.unit.name,
      ),
    );
}

const sumOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
