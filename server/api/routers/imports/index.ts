import { z } from "zod";
import { applyImport, previewImport } from "../../../imports/run-import";
import { IMPORT_KINDS, MAX_FILE_BYTES } from "../../../imports/types";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

/** Base64 makes a file a third bigger: the cap lets a 10 MB file through and nothing much bigger. */
const MAX_BASE64_LENGTH = Math.ceil(MAX_FILE_BYTES / 3) * 4;

/** The file travels as base64 inside the JSON body; the importers take its bytes. */
const ZImport = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    fileName: z.string().trim().min(1).max(255),
    contentBase64: z.string().max(MAX_BASE64_LENGTH, { error: "imports.errors.fileTooLarge" }),
    period: z.string().max(16).optional(),
    setCode: z.string().max(64).optional(),
    validOnly: z.boolean().optional(),
  })
  .transform(({ contentBase64, ...input }) => ({
    ...input,
    content: new Uint8Array(Buffer.from(contentBase64, "base64")),
  }));

// Both are mutations although a preview writes nothing: a file of megabytes cannot travel in a
// GET's URL. Applying is `commit` because tRPC reserves `apply` (routers are callable proxies).
export const importsRouter = createTRPCRouter({
  preview: protectedProcedure.input(ZImport).mutation(({ ctx, input }) => previewImport(ctx.db, ctx.actor, input)),
  commit: protectedProcedure.input(ZImport).mutation(({ ctx, input }) => applyImport(ctx.db, ctx.actor, input)),
});
