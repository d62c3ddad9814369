import type { Prisma } from "../db/generated/client";
import { handleOf } from "./mentions";

export const commentSelect = {
  id: true,
  parentId: true,
  subjectType: true,
  subjectId: true,
  body: true,
  anchor: true,
  createdAt: true,
  resolvedAt: true,
  author: { select: { id: true, name: true } },
  resolvedBy: { select: { id: true, name: true } },
  mentions: { select: { user: { select: { id: true, name: true, email: true } } } },
} satisfies Prisma.CommentSelect;

type SelectedComment = Prisma.CommentGetPayload<{ select: typeof commentSelect }>;

/**
 * A comment as readers get it: each person it notified by handle ("canbo.xa", which the
 * interface marks in the text), not by their whole email address.
 */
export function presentComment<C extends Pick<SelectedComment, "mentions">>(comment: C) {
  return {
    ...comment,
    mentions: comment.mentions.map(({ user }) => ({
      user: { id: user.id, name: user.name, handle: handleOf(user.email) },
    })),
  };
}
