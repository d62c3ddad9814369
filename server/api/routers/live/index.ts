import { z } from "zod";
import { loadPlanForWorkflow } from "../../../approvals/transition-plan";
import { notFound } from "../../../errors";
import { planEvents, userEvents } from "../../../live/live-events";
import { can } from "../../../policies";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

export const liveRouter = createTRPCRouter({
  /** Server-sent "this part of the plan changed" events, for viewers to refresh without reloading. */
  // Rights are checked before the stream starts, so a refusal is an ordinary NOT_FOUND.
  plan: protectedProcedure.input(z.object({ planId: z.string().min(1).max(64) })).subscription(async ({ ctx, input, signal }) => {
    const plan = await loadPlanForWorkflow(ctx.db, input.planId);
    if (!plan || !can(ctx.actor, "plan.view", plan)) throw notFound();
    return planEvents(input.planId, signal);
  }),
  /** The signed-in user's own events (a new notification). */
  me: protectedProcedure.subscription(({ ctx, signal }) => userEvents(ctx.actor.userId, signal)),
});
