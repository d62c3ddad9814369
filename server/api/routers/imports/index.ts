import { z } from "zod";
import { applyImport, previewImport } from "../../../imports/run-import";
import { IMPORT_KINDS, MAX_FILE_BYTES } from "../../../imports/types";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

/** Base64 makes a file a third bigger: the cap lets a 10 MB file through and nothing much bigger. */
const MAX_BASE64_LENGTH = Math.ceil(MAX_FILE_BYTES / 3) * 4;
const short = z.string().max(200);
/** Heading → column, or mark → meaning: a file has at most 200 columns. */
const choices = z.record(short, z.string().max(64)).refine((r) => Object.keys(r).length <= 200);

/** The file travels as base64 inside the JSON body; the importers take its bytes. */
const ZImport = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    fileName: z.string().trim().min(1).max(255),
    contentBase64: z.string().max(MAX_BASE64_LENGTH, { error: "imports.errors.fileTooLarge" }),
    period: z.string().max(16).optional(),
    setCode: z.string().max(64).optional(),
    planReference: z.string().max(64).optional(),
    planUnitCode: z.string().max(32).optional(),
    sheet: z.string().max(100).optional(),
    headerRow: z.number().int().min(1).max(1_000_000).optional(),
    headerRows: z.union([z.literal(1), z.literal(2)]).optional(),
    mapping: choices.optional(),
    marks: choices.optional(),
    validOnly: z.boolean().optional(),
    confirmations: z.array(short).max(10).optional(),
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
