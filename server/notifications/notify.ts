import type { Db } from "../db/client";
import type { NotificationKind } from "../db/generated/client";
import { publishLiveEvent } from "../live/live-events";

/** Records a notification for each recipient (never the actor) and tells their open pages. */
export async function notify(
  db: Db,
  input: { kind: NotificationKind; planId: string; actorId: string; recipients: string[]; commentId?: string },
) {
  const recipients = [...new Set(input.recipients)].filter((id) => id !== input.actorId);
  if (!recipients.length) return;
  await db.notification.createMany({
    data: recipients.map((userId) => ({
      userId,
      kind: input.kind,
      planId: input.planId,
      actorId: input.actorId,
      commentId: input.commentId ?? null,
    })),
  });
  await Promise.all(recipients.map((userId) => publishLiveEvent(db, { userId, topic: "notifications" })));
}

/** Leaders and admins of the units above the plan's unit: those who may review it. */
export async function reviewersOf(db: Db, issuingUnitPath: string): Promise<string[]> {
  const codes = issuingUnitPath.split("/").filter(Boolean).slice(0, -1);
  const paths = codes.map((_, i) => `/${codes.slice(0, i + 1).join("/")}/`);
  const memberships = await db.membership.findMany({
    where: { role: { in: ["leader", "admin"] }, unit: { path: { in: paths } }, user: { disabledAt: null } },
    select: { userId: true },
  });
  return memberships.map((m) => m.userId);
}
