import { z } from "zod";
import { recordAssessment, setUnitGroup, unitCriteriaStatus } from "../../../criteria/assessments";
import { addCriterion, listCriteriaSets, updateCriterion } from "../../../criteria/criteria-sets";
import { ZAssessment, ZCriterionAdd, ZCriterionUpdate, ZUnitGroup } from "../../../criteria/schemas";
import { PERIOD_PATTERN } from "../../../planning/figures";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

export const criteriaRouter = createTRPCRouter({
  sets: protectedProcedure.query(({ ctx }) => listCriteriaSets(ctx.db, ctx.actor)),
  updateCriterion: protectedProcedure
    .input(ZCriterionUpdate)
    .mutation(({ ctx, input }) => updateCriterion(ctx.db, ctx.actor, input)),
  addCriterion: protectedProcedure
    .input(ZCriterionAdd)
    .mutation(({ ctx, input }) => addCriterion(ctx.db, ctx.actor, input)),
  unitStatus: protectedProcedure
    .input(z.object({ unitId: z.string().min(1).max(64), period: z.string().regex(PERIOD_PATTERN).optional() }))
    .query(({ ctx, input }) => unitCriteriaStatus(ctx.db, ctx.actor, input.unitId, input.period)),
  assess: protectedProcedure
    .input(ZAssessment)
    .mutation(({ ctx, input }) => recordAssessment(ctx.db, ctx.actor, input)),
  setGroup: protectedProcedure.input(ZUnitGroup).mutation(({ ctx, input }) => setUnitGroup(ctx.db, ctx.actor, input)),
});
