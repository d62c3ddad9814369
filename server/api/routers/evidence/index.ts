import { listEvidence, removeEvidence } from "../../../evidence/evidence";
import { ZEvidenceId, ZEvidencePlan } from "../../../evidence/schemas";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

/** Files attached to a plan and its records; uploads and downloads are route handlers (app/api/evidence). */
export const evidenceRouter = createTRPCRouter({
  list: protectedProcedure
    .input(ZEvidencePlan)
    .query(({ ctx, input }) => listEvidence(ctx.db, ctx.actor, input.planId)),
  remove: protectedProcedure
    .input(ZEvidenceId)
    .mutation(({ ctx, input }) => removeEvidence(ctx.db, ctx.actor, input.id)),
});
