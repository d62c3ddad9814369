import { runCommand } from "../commands/run-command";
import type { Db } from "../db/client";
import { OPEN_MILESTONE_STATUSES, todayInVietnam } from "./figures";

/**
 * Tells the owners of each milestone that has passed its due date, once per due date: the
 * planners and leaders of the owner unit, or, where that unit has none, the planners of the
 * plan's issuing unit. The claim and the notifications commit together, so a failure loses
 * neither; two instances running at once notify once (the claim is one UPDATE).
 */
export async function notifyOverdueMilestones(db: Db, now = new Date()): Promise<number> {
  return runCommand(db, null, async (tx, effects) => {
    const claimed = await tx.$queryRaw<{ id: string; planId: string; ownerUnitId: string; issuingUnitId: string }[]>`
      UPDATE "Milestone" m SET "overdueNotifiedAt" = ${now}
      FROM "Plan" p
      WHERE p.id = m."planId" AND m."overdueNotifiedAt" IS NULL
        -- The revision that counts (CURRENT_REVISION_WHERE): not a superseded plan, nor the copy in an open amendment.
        AND p.status <> 'superseded' AND (p."amendsId" IS NULL OR p.status = 'approved')
        AND m.status::text = ANY(${[...OPEN_MILESTONE_STATUSES]}) AND m."dueOn" < ${todayInVietnam(now)}
      RETURNING m.id, m."planId", m."ownerUnitId", p."issuingUnitId"`;
    let count = 0;
    for (const milestone of claimed) {
      const ownersOf = (unitId: string, roles: ("planner" | "leader")[]) =>
        tx.membership.findMany({
          where: { unitId, role: { in: roles }, user: { disabledAt: null } },
          select: { userId: true },
        });
      let owners = await ownersOf(milestone.ownerUnitId, ["planner", "leader"]);
      if (!owners.length) owners = await ownersOf(milestone.issuingUnitId, ["planner"]);
      const recipients = [...new Set(owners.map((o) => o.userId))];
      effects.notify({ kind: "overdue", planId: milestone.planId, milestoneId: milestone.id, recipients });
      count += recipients.length;
    }
    return count;
  });
}

/** Checks now and then every hour, until the returned function is called. */
export function scheduleOverdueChecks(db: Db): () => void {
  const run = () => void notifyOverdueMilestones(db).catch((error) => console.error("Overdue check failed:", error));
  run();
  const timer = setInterval(run, 3600_000);
  timer.unref();
  return () => clearInterval(timer);
}
