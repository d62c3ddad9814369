import { z } from "zod";
import { id, ZShortageCreate, ZShortageStatus, ZShortageUpdate } from "../../../planning/schemas";
import { createShortage, removeShortage, setShortageStatus, updateShortage } from "../../../planning/shortages";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

export const shortagesRouter = createTRPCRouter({
  create: protectedProcedure
    .input(ZShortageCreate)
    .mutation(({ ctx, input }) => createShortage(ctx.db, ctx.actor, input)),
  update: protectedProcedure
    .input(ZShortageUpdate)
    .mutation(({ ctx, input: { id, ...fields } }) => updateShortage(ctx.db, ctx.actor, id, fields)),
  setStatus: protectedProcedure
    .input(ZShortageStatus)
    .mutation(({ ctx, input }) => setShortageStatus(ctx.db, ctx.actor, input.id, input.status)),
  remove: protectedProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => removeShortage(ctx.db, ctx.actor, input.id)),
});
