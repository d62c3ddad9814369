import type { Prisma } from "../db/generated/client";

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
  mentions: { select: { user: { select: { id: true, name: true } } } },
} satisfies Prisma.CommentSelect;
