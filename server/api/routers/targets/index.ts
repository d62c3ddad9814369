import { z } from "zod";
import { id, ZMeasurement, ZTargetCreate, ZTargetUpdate } from "../../../planning/schemas";
import {
  createTarget,
  recordMeasurement,
  removeMeasurement,
  removeTarget,
  updateTarget,
} from "../../../planning/targets";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

const ZId = z.object({ id });

export const targetsRouter = createTRPCRouter({
  create: protectedProcedure.input(ZTargetCreate).mutation(({ ctx, input }) => createTarget(ctx.db, ctx.actor, input)),
  update: protectedProcedure
    .input(ZTargetUpdate)
    .mutation(({ ctx, input: { id, ...fields } }) => updateTarget(ctx.db, ctx.actor, id, fields)),
  remove: protectedProcedure.input(ZId).mutation(({ ctx, input }) => removeTarget(ctx.db, ctx.actor, input.id)),
  recordMeasurement: protectedProcedure
    .input(ZMeasurement)
    .mutation(({ ctx, input }) => recordMeasurement(ctx.db, ctx.actor, input)),
  removeMeasurement: protectedProcedure
    .input(ZId)
    .mutation(({ ctx, input }) => removeMeasurement(ctx.db, ctx.actor, input.id)),
});
