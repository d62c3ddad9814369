import { z } from "zod";
import { getPlanning, getPlanningOptions } from "../../../planning/get-planning";
import { id } from "../../../planning/schemas";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

const ZPlan = z.object({ planId: id });

export const planningRouter = createTRPCRouter({
  /** Targets, milestones, budget and shortages of a plan, with their computed figures. */
  get: protectedProcedure.input(ZPlan).query(({ ctx, input }) => getPlanning(ctx.db, ctx.actor, input.planId)),
  /** Units and criteria the planning forms offer. */
  options: protectedProcedure
    .input(ZPlan)
    .query(({ ctx, input }) => getPlanningOptions(ctx.db, ctx.actor, input.planId)),
});
