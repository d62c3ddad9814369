import { z } from "zod";
import { createMilestone, removeMilestone, setMilestoneStatus, updateMilestone } from "../../../planning/milestones";
import { id, ZMilestoneCreate, ZMilestoneStatus, ZMilestoneUpdate } from "../../../planning/schemas";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

export const milestonesRouter = createTRPCRouter({
  create: protectedProcedure
    .input(ZMilestoneCreate)
    .mutation(({ ctx, input }) => createMilestone(ctx.db, ctx.actor, input)),
  update: protectedProcedure
    .input(ZMilestoneUpdate)
    .mutation(({ ctx, input: { id, ...fields } }) => updateMilestone(ctx.db, ctx.actor, id, fields)),
  setStatus: protectedProcedure
    .input(ZMilestoneStatus)
    .mutation(({ ctx, input }) => setMilestoneStatus(ctx.db, ctx.actor, input.id, input.status)),
  remove: protectedProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => removeMilestone(ctx.db, ctx.actor, input.id)),
});
