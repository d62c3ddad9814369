import type { Db } from "../db/client";
import { runAs } from "../commands/run-command";
import { DomainError, notFound } from "../errors";
import type { Actor } from "../policies/actor";
import { authorize } from "../policies";
import { loadVisiblePlan } from "../plans/load-visible-plan";
import type { Prisma } from "../db/generated/client";
import type { PassageAnchor } from "@/lib/editor/passage-anchor";
import { checkedAnchor } from "./passage-anchors";
import { commentSelect, presentComment } from "./comment-select";
import { resolveMentions } from "./mentions";
import { RATE_LIMITS, takeRate } from "../security/rate-limit";

export type CommentSubject = { type: "plan" | "target" | "milestone" | "shortage" | "passage"; id: string | null };

/** The plan's discussion, or one subject's (a target, milestone or shortage): threads, oldest first, with their replies. */
export async function listComments(db: Db, actor: Actor, planId: string, subject?: CommentSubject) {
  await loadVisiblePlan(db, actor, planId);
  const where = subject
    ? {
        planId,
        OR: [
          { subjectType: subject.type, subjectId: subject.id },
          { parent: { subjectType: subject.type, subjectId: subject.id } },
        ],
      }
    : { planId };
  const comments = await db.comment.findMany({ where, select: commentSelect, orderBy: { createdAt: "asc" } });
  const threads = comments.filter((c) => !c.parentId).map(presentComment);
  return threads.map((thread) => ({
    ...thread,
    replies: comments.filter((c) => c.parentId === thread.id).map(presentComment),
  }));
}

/** A comment's subject must be a record of the same plan (a passage is a place in its document). */
async function assertSubjectOfPlan(db: Db, planId: string, subject: CommentSubject) {
  if (subject.type === "plan" || subject.type === "passage") return;
  const where = { id: subject.id ?? "", planId };
  const found =
    subject.type === "target"
      ? await db.target.count({ where })
      : subject.type === "milestone"
        ? await db.milestone.count({ where })
        : await db.shortage.count({ where });
  if (!found) throw notFound();
}

/**
 * Anyone who may see a plan may comment on it, stakeholders included, on the plan, one of its
 * records, or a passage of its document (with the passage's anchor). Replies share their
 * thread's subject. Returns the comment and the names in it that notify nobody (`unnotified`).
 */
export async function addComment(
  db: Db,
  actor: Actor,
  input: { planId: string; body: string; parentId?: string | null; subject?: CommentSubject; anchor?: PassageAnchor },
) {
  const plan = await loadVisiblePlan(db, actor, input.planId);
  authorize(actor, "plan.comment", plan);
  let subject = input.subject ?? { type: "plan", id: null };
  if (input.parentId) {
    const parent = await db.comment.findUnique({
      where: { id: input.parentId },
      select: { planId: true, parentId: true, subjectType: true, subjectId: true },
    });
    if (!parent || parent.planId !== input.planId) throw notFound();
    if (parent.parentId) throw new DomainError("BAD_REQUEST", "errors.replyToReply");
    subject = { type: parent.subjectType as CommentSubject["type"], id: parent.subjectId };
  }
  await assertSubjectOfPlan(db, input.planId, subject);
  const anchor = !input.parentId && subject.type === "passage" ? checkedAnchor(input.anchor) : null;
  await takeRate(db, RATE_LIMITS.comments, actor.userId);
  const { notified: mentioned, unnotified } = await resolveMentions(db, input.body, plan);
  // Every person named is a notification: a user may cause only so many an hour.
  await takeRate(db, RATE_LIMITS.mentions, actor.userId, mentioned.filter((u) => u.userId !== actor.userId).length);
  const comment = await runAs(db, actor, async (tx, effects, me) => {
    authorize(me, "plan.comment", plan);
    const created = await tx.comment.create({
      data: {
        planId: input.planId,
        parentId: input.parentId ?? null,
        subjectType: subject.type,
        subjectId: subject.type === "plan" || subject.type === "passage" ? null : subject.id,
        body: input.body,
        ...(anchor ? { anchor: anchor as unknown as Prisma.InputJsonObject } : {}),
        authorId: me.userId,
        mentions: { create: mentioned.map((user) => ({ userId: user.userId })) },
      },
      select: commentSelect,
    });
    effects.audit({
      action: "comment.create",
      entityType: "Comment",
      entityId: created.id,
      after: {
        planId: input.planId,
        body: input.body,
        parentId: input.parentId ?? null,
        subject,
        quote: anchor?.quote,
      },
    });
    effects.planChanged(input.planId, "comments");
    effects.notify({
      kind: "mentioned",
      planId: input.planId,
      recipients: mentioned.map((u) => u.userId),
      commentId: created.id,
    });
    return created;
  });
  // The comment stands; the names that notify nobody are told to its author, with the reason.
  return { ...presentComment(comment), unnotified };
}

/** Resolves or reopens a thread (see "comment.moderate" for who may). */
export async function setThreadResolved(db: Db, actor: Actor, commentId: string, resolved: boolean) {
  const thread = await db.comment.findUnique({
    where: { id: commentId },
    select: { id: true, planId: true, parentId: true, authorId: true, resolvedAt: true },
  });
  if (!thread) throw notFound();
  const plan = await loadVisiblePlan(db, actor, thread.planId);
  if (thread.parentId) throw new DomainError("BAD_REQUEST", "errors.resolveReply");
  authorize(actor, "comment.moderate", { authorId: thread.authorId, plan });
  return runAs(db, actor, async (tx, effects, me) => {
    authorize(me, "comment.moderate", { authorId: thread.authorId, plan });
    const after = await tx.comment.update({
      where: { id: commentId },
      data: resolved ? { resolvedAt: new Date(), resolvedById: me.userId } : { resolvedAt: null, resolvedById: null },
      select: commentSelect,
    });
    effects.audit({
      action: resolved ? "comment.resolve" : "comment.reopen",
      entityType: "Comment",
      entityId: commentId,
      before: { resolvedAt: thread.resolvedAt },
      after: { resolvedAt: after.resolvedAt },
    });
    effects.planChanged(thread.planId, "comments");
    return presentComment(after);
  });
}
