import type { Db } from "../db/client";
import type { Actor } from "../policies/actor";
import { planSummarySelect } from "../plans/plan-select";

/** A user's own notifications, newest first; nobody reads anyone else's. */
export function listNotifications(db: Db, actor: Actor) {
  return db.notification.findMany({
    where: { userId: actor.userId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      kind: true,
      createdAt: true,
      readAt: true,
      doneAt: true,
      actor: { select: { name: true } },
      plan: { select: planSummarySelect },
    },
  });
}

export function countUnread(db: Db, actor: Actor) {
  return db.notification.count({ where: { userId: actor.userId, readAt: null } });
}

/** Marks some (or all) of the actor's notifications read; others' are untouched whatever ids are sent. */
export async function markRead(db: Db, actor: Actor, ids?: string[]) {
  const { count } = await db.notification.updateMany({
    where: { userId: actor.userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { count };
}
