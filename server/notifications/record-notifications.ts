import type { NotificationKind, Prisma } from "../db/generated/client";

export interface NotificationInput {
  kind: NotificationKind;
  planId: string;
  recipients: string[];
  commentId?: string;
  milestoneId?: string;
}

/**
 * Writes notifications inside the transaction of the change they tell about; never to the
 * actor. A plan waits for its reviewers once: a resubmission brings back their earlier
 * "submitted" notification (unread, not done) rather than adding a second one. Returns the
 * users notified, whose bells ring once the change has committed.
 */
export async function recordNotifications(
  tx: Prisma.TransactionClient,
  actorId: string | null,
  inputs: NotificationInput[],
): Promise<string[]> {
  const notified: string[] = [];
  for (const input of inputs) {
    const recipients = [...new Set(input.recipients)].filter((id) => id !== actorId);
    if (!recipients.length) continue;
    let fresh = recipients;
    if (input.kind === "submitted") {
      const again = await tx.notification.findMany({
        where: { kind: "submitted", planId: input.planId, userId: { in: recipients } },
        select: { userId: true },
      });
      const known = new Set(again.map((n) => n.userId));
      await tx.notification.updateMany({
        where: { kind: "submitted", planId: input.planId, userId: { in: [...known] } },
        data: { readAt: null, doneAt: null, createdAt: new Date(), actorId },
      });
      fresh = recipients.filter((id) => !known.has(id));
    }
    await tx.notification.createMany({
      data: fresh.map((userId) => ({
        userId,
        kind: input.kind,
        planId: input.planId,
        actorId,
        commentId: input.commentId ?? null,
        milestoneId: input.milestoneId ?? null,
      })),
    });
    notified.push(...recipients);
  }
  return notified;
}

/**
 * A submitted plan was decided (returned or approved), by whichever reviewer: every reviewer's
 * "submitted" notification is done, and read. Returns whose notifications changed.
 */
export async function closeReviewRequests(tx: Prisma.TransactionClient, planId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ userId: string }[]>`
    UPDATE "Notification" SET "doneAt" = now(), "readAt" = COALESCE("readAt", now())
    WHERE kind = 'submitted' AND "planId" = ${planId} AND "doneAt" IS NULL
    RETURNING "userId"`;
  return rows.map((row) => row.userId);
}
