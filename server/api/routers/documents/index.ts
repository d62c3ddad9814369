import { z } from "zod";
import { listVersions, getVersion, saveNamedVersion } from "../../../documents/versions";
import { compareWithAmended } from "../../../documents/compare-amendment";
import { restoreVersion } from "../../../documents/restore-version";
import { listOpenSuggestions } from "../../../suggestions/open-suggestions";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

const id = z.string().min(1).max(64);
const ZVersionName = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .max(120, { error: "validation.versionNameTooLong" });

export const documentsRouter = createTRPCRouter({
  versions: protectedProcedure
    .input(z.object({ planId: id }))
    .query(({ ctx, input }) => listVersions(ctx.db, ctx.actor, input.planId)),
  version: protectedProcedure
    .input(z.object({ id }))
    .query(({ ctx, input }) => getVersion(ctx.db, ctx.actor, input.id)),
  saveVersion: protectedProcedure
    .input(z.object({ planId: id, name: ZVersionName }))
    .mutation(({ ctx, input }) => saveNamedVersion(ctx.db, ctx.actor, input.planId, input.name)),
  suggestions: protectedProcedure
    .input(z.object({ planId: id }))
    .query(({ ctx, input }) => listOpenSuggestions(ctx.db, ctx.actor, input.planId)),
  compareWithAmended: protectedProcedure
    .input(z.object({ planId: id }))
    .query(({ ctx, input }) => compareWithAmended(ctx.db, ctx.actor, input.planId)),
  restoreVersion: protectedProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => restoreVersion(ctx.db, ctx.actor, input.id)),
});
