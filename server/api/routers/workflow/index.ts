import { z } from "zod";
import { abandonAmendment } from "../../../approvals/abandon-amendment";
import { amendPlan } from "../../../approvals/amend-plan";
import { listTransitions, transitionPlan } from "../../../approvals/transition-plan";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

const ZPlan = z.object({ id: z.string().min(1).max(64) });
const ZReturn = ZPlan.extend({
  reason: z
    .string({ error: "validation.reasonRequired" })
    .trim()
    .min(1, { error: "validation.reasonRequired" })
    .max(2000, { error: "validation.reasonTooLong" }),
});

export const workflowRouter = createTRPCRouter({
  timeline: protectedProcedure.input(ZPlan).query(({ ctx, input }) => listTransitions(ctx.db, ctx.actor, input.id)),
  submit: protectedProcedure
    .input(ZPlan)
    .mutation(({ ctx, input }) => transitionPlan(ctx.db, ctx.actor, input.id, "submit")),
  return: protectedProcedure
    .input(ZReturn)
    .mutation(({ ctx, input }) => transitionPlan(ctx.db, ctx.actor, input.id, "return", input.reason)),
  approve: protectedProcedure
    .input(ZPlan)
    .mutation(({ ctx, input }) => transitionPlan(ctx.db, ctx.actor, input.id, "approve")),
  amend: protectedProcedure.input(ZPlan).mutation(({ ctx, input }) => amendPlan(ctx.db, ctx.actor, input.id)),
  abandon: protectedProcedure.input(ZPlan).mutation(({ ctx, input }) => abandonAmendment(ctx.db, ctx.actor, input.id)),
});
