import { z } from "zod";
import { addComment, listComments, setThreadResolved } from "../../../comments/comments";
import { mentionCandidates } from "../../../comments/mention-candidates";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

const id = z.string().min(1).max(64);
const ZBody = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .max(5000, { error: "validation.commentTooLong" });

const ZSubject = z.object({ type: z.enum(["plan", "target", "milestone", "shortage", "passage"]), id: id.nullable() });
/** Where a comment on a passage points (lib/editor/passage-anchor.ts): Yjs positions and the quoted text. */
const ZAnchor = z.object({
  start: z.string().min(1).max(200),
  end: z.string().min(1).max(200),
  quote: z.string().trim().min(1, { error: "validation.passageRequired" }).max(2000),
  prefix: z.string().max(100),
  suffix: z.string().max(100),
});

export const commentsRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.object({ planId: id, subject: ZSubject.optional() }))
    .query(({ ctx, input }) => listComments(ctx.db, ctx.actor, input.planId, input.subject)),
  add: protectedProcedure
    .input(
      z.object({
        planId: id,
        body: ZBody,
        parentId: id.nullish(),
        subject: ZSubject.optional(),
        anchor: ZAnchor.optional(),
      }),
    )
    .mutation(({ ctx, input }) => addComment(ctx.db, ctx.actor, input)),
  /** Who may be mentioned in a comment on the plan, for what is typed after "@". */
  mentionCandidates: protectedProcedure
    .input(z.object({ planId: id, query: z.string().max(60) }))
    .query(({ ctx, input }) => mentionCandidates(ctx.db, ctx.actor, input.planId, input.query)),
  resolve: protectedProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => setThreadResolved(ctx.db, ctx.actor, input.id, true)),
  reopen: protectedProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => setThreadResolved(ctx.db, ctx.actor, input.id, false)),
});
