import { createPlan } from "../../../plans/create-plan";
import { getPlan } from "../../../plans/get-plan";
import { listPlans } from "../../../plans/list-plans";
import { getPlanFormOptions } from "../../../plans/plan-form-options";
import { listParentCandidates } from "../../../plans/plan-rules";
import { updatePlan } from "../../../plans/update-plan";
import { createTRPCRouter, protectedProcedure } from "../../trpc";
import { ZParentCandidates, ZPlanCreate, ZPlanId, ZPlanList, ZPlanUpdate } from "./schemas";

export const plansRouter = createTRPCRouter({
  list: protectedProcedure.input(ZPlanList).query(({ ctx, input }) => listPlans(ctx.db, ctx.actor, input)),
  get: protectedProcedure.input(ZPlanId).query(({ ctx, input }) => getPlan(ctx.db, ctx.actor, input.id)),
  formOptions: protectedProcedure.query(({ ctx }) => getPlanFormOptions(ctx.db, ctx.actor)),
  parentCandidates: protectedProcedure
    .input(ZParentCandidates)
    .query(({ ctx, input }) => listParentCandidates(ctx.db, ctx.actor, input.issuingUnitId)),
  create: protectedProcedure.input(ZPlanCreate).mutation(({ ctx, input }) => createPlan(ctx.db, ctx.actor, input)),
  update: protectedProcedure
    .input(ZPlanUpdate)
    .mutation(({ ctx, input }) => updatePlan(ctx.db, ctx.actor, input.id, input.details)),
});
