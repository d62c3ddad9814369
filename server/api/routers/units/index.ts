import { z } from "zod";
import { getUnit, listChildUnits } from "../../../units/get-unit";
import { listMyUnits } from "../../../units/list-my-units";
import { listViewableUnits } from "../../../units/list-viewable-units";
import { listUnitShortages } from "../../../planning/unit-shortages";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

const ZUnitId = z.object({ id: z.string().min(1).max(64) });

export const unitsRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listViewableUnits(ctx.db, ctx.actor)),
  mine: protectedProcedure.query(({ ctx }) => listMyUnits(ctx.db, ctx.actor)),
  get: protectedProcedure.input(ZUnitId).query(({ ctx, input }) => getUnit(ctx.db, ctx.actor, input.id)),
  children: protectedProcedure.input(ZUnitId).query(({ ctx, input }) => listChildUnits(ctx.db, ctx.actor, input.id)),
  /** Shortages reported at the unit and beneath it, with totals by category. */
  shortages: protectedProcedure
    .input(ZUnitId)
    .query(({ ctx, input }) => listUnitShortages(ctx.db, ctx.actor, input.id)),
});
