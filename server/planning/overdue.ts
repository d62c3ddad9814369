import type { Db } from "../db/client";
import { notify } from "../notifications/notify";
import { todayInVietnam } from "./figures";

/**
 * Tells the owners of each milestone that has passed its due date, once per due date: the
 * planners and leaders of the owner unit. Runs at start and every hour (server/main.ts);
 * idempotent, so two instances running it at once notify once (the claim is one UPDATE).
 */
export async function notifyOverdueMilestones(db: Db, now = new Date()): Promise<number> {
  const claimed = await db.$queryRaw<{ id: string; planId: string; ownerUnitId: string }[]>`
    UPDATE "Milestone" SET "overdueNotifiedAt" = ${now}
    WHERE "overdueNotifiedAt" IS NULL AND status IN ('planned', 'in_progress') AND "dueOn" < ${todayInVietnam(now)}
    RETURNING id, "planId", "ownerUnitId"`;
  for (const milestone of claimed) {
    const owners = await db.membership.findMany({
      where: { unitId: milestone.ownerUnitId, role: { in: ["planner", "leader"] }, user: { disabledAt: null } },
      select: { userId: true },
    });
    await notify(db, { kind: "overdue", planId: milestone.planId, actorId: null, recipients: owners.map((o) => o.userId), milestoneId: milestone.id });
  }
  return claimed.length;
}

/** Checks now and then every hour, until the returned function is called. */
export function scheduleOverdueChecks(db: Db): () => void {
  const run = () => void notifyOverdueMilestones(db).catch((error) => console.error("Overdue check failed:", error));
  run();
  const timer = setInterval(run, 3600_000);
  timer.unref();
  return () => clearInterval(timer);
}
