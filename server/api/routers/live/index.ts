import { z } from "zod";
import { planEvents, userEvents } from "../../../live/live-events";
import { loadVisiblePlan } from "../../../plans/load-visible-plan";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

export const liveRouter = createTRPCRouter({
  /** Server-sent "this part of the plan changed" events, for viewers to refresh without reloading. */
  // Rights are checked before the stream starts, so a refusal is an ordinary NOT_FOUND.
  plan: protectedProcedure
    .input(z.object({ planId: z.string().min(1).max(64) }))
    .subscription(async ({ ctx, input, signal }) => {
      await loadVisiblePlan(ctx.db, ctx.actor, input.planId);
      return planEvents(input.planId, signal);
    }),
  /** The signed-in user's own events (a new notification). */
  me: protectedProcedure.subscription(({ ctx, signal }) => userEvents(ctx.actor.userId, signal)),
});
