import { z } from "zod";
import { criteriaRollup, criteriaTrend, rollupUnits } from "../../../rollups/criteria-rollup";
import { milestoneTimeline } from "../../../rollups/milestone-timeline";
import { budgetLinesOf, planningRollup } from "../../../rollups/planning-rollup";
import { CAPITAL_SOURCES, MILESTONE_STATUSES } from "@/lib/domain/planning";
import { listRollupPeriods } from "../../../rollups/rollup-periods";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

const id = z.string().min(1).max(64);
const ZRollup = z.object({ unitId: id, period: z.string().max(10), setCode: z.string().max(50).optional() });
const ZPlanningYear = z.object({
  unitId: id,
  year: z.number().int().min(2000).max(2100),
  includeUnapproved: z.boolean().optional(),
});
const toQuery = ({ unitId, ...rest }: z.infer<typeof ZRollup>) => ({ unit: { id: unitId }, ...rest });

export const dashboardRouter = createTRPCRouter({
  /** Periods with assessments beneath the unit, and the sets, for the dashboard's choices. */
  periods: protectedProcedure
    .input(z.object({ unitId: id }))
    .query(({ ctx, input }) => listRollupPeriods(ctx.db, ctx.actor, input.unitId)),
  criteria: protectedProcedure
    .input(ZRollup)
    .query(({ ctx, input }) => criteriaRollup(ctx.db, ctx.actor, toQuery(input))),
  /** Drill-down: the units behind a figure, or those meeting a combination of criteria. */
  units: protectedProcedure
    .input(
      ZRollup.extend({
        criteria: z.array(z.number().int().min(1).max(100)).max(100).optional(),
        metCount: z.number().int().min(0).max(100).optional(),
      }),
    )
    .query(({ ctx, input: { criteria, metCount, ...rest } }) =>
      rollupUnits(ctx.db, ctx.actor, { ...toQuery(rest), criteria, metCount }),
    ),
  /** Every period's figures per criteria set, predecessors of merged units included. */
  trend: protectedProcedure
    .input(z.object({ unitId: id }))
    .query(({ ctx, input }) => criteriaTrend(ctx.db, ctx.actor, input)),
  planning: protectedProcedure.input(ZPlanningYear).query(({ ctx, input }) => planningRollup(ctx.db, ctx.actor, input)),
  /** Drill-down: the budget lines behind a capital source's figures. */
  budgetLines: protectedProcedure
    .input(ZPlanningYear.extend({ source: z.enum(CAPITAL_SOURCES) }))
    .query(({ ctx, input }) => budgetLinesOf(ctx.db, ctx.actor, input)),
  /** Every milestone due in the year beneath the unit, grouped by unit and plan, overdue first. */
  milestones: protectedProcedure
    .input(ZPlanningYear.extend({ status: z.enum([...MILESTONE_STATUSES, "overdue"]).optional() }))
    .query(({ ctx, input }) => milestoneTimeline(ctx.db, ctx.actor, input)),
});
