import { z } from "zod";
import {
  addDisbursement,
  addInKind,
  createBudgetLine,
  removeBudgetLine,
  removeDisbursement,
  removeInKind,
  updateBudgetLine,
} from "../../../planning/budget";
import { id, ZBudgetLineCreate, ZBudgetLineUpdate, ZDisbursement, ZInKind } from "../../../planning/schemas";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

const ZId = z.object({ id });

export const budgetRouter = createTRPCRouter({
  createLine: protectedProcedure
    .input(ZBudgetLineCreate)
    .mutation(({ ctx, input }) => createBudgetLine(ctx.db, ctx.actor, input)),
  updateLine: protectedProcedure
    .input(ZBudgetLineUpdate)
    .mutation(({ ctx, input: { id, ...fields } }) => updateBudgetLine(ctx.db, ctx.actor, id, fields)),
  removeLine: protectedProcedure.input(ZId).mutation(({ ctx, input }) => removeBudgetLine(ctx.db, ctx.actor, input.id)),
  addDisbursement: protectedProcedure
    .input(ZDisbursement)
    .mutation(({ ctx, input }) => addDisbursement(ctx.db, ctx.actor, input)),
  removeDisbursement: protectedProcedure
    .input(ZId)
    .mutation(({ ctx, input }) => removeDisbursement(ctx.db, ctx.actor, input.id)),
  addInKind: protectedProcedure.input(ZInKind).mutation(({ ctx, input }) => addInKind(ctx.db, ctx.actor, input)),
  removeInKind: protectedProcedure.input(ZId).mutation(({ ctx, input }) => removeInKind(ctx.db, ctx.actor, input.id)),
});
