import type { Db } from "../db/client";
import type { PlanStatus, Prisma } from "../db/generated/client";
import { type AuditEntry, recordAuditEvent } from "../audit/record-audit-event";
import { notFound } from "../errors";
import { publishPlanEvent } from "../live/live-events";
import { authorize } from "../policies";
import type { Actor } from "../policies/actor";
import { loadVisiblePlan } from "../plans/load-visible-plan";

export type PlanForChange = Awaited<ReturnType<typeof loadVisiblePlan>>;
type Change<T> = (
  tx: Prisma.TransactionClient,
  plan: PlanForChange,
) => Promise<{ result: T; audit: Omit<AuditEntry, "actorId"> }>;

/**
 * The one path every change to a plan's structured data takes: the plan must be visible
 * (NOT_FOUND otherwise), the policy must allow the change ("plan.update" for content,
 * "plan.track" for progress), the change and its audit event commit together, and live viewers
 * are told afterwards.
 */
export async function changePlanData<T>(
  db: Db,
  actor: Actor,
  planId: string,
  right: "plan.update" | "plan.track",
  change: Change<T>,
): Promise<T> {
  const plan = await loadVisiblePlan(db, actor, planId);
  authorize(actor, right, plan);
  const result = await db.$transaction(async (tx) => {
    // The status is read again under a share lock: a submission or approval committing in the
    // meantime either waits for this change or is seen by it, never slips between check and write.
    const [locked] = await tx.$queryRaw<
      { status: PlanStatus }[]
    >`SELECT status FROM "Plan" WHERE id = ${planId} FOR SHARE`;
    if (!locked) throw notFound();
    authorize(actor, right, { ...plan, status: locked.status });
    const { result, audit } = await change(tx, { ...plan, status: locked.status });
    await recordAuditEvent(tx, { actorId: actor.userId, ...audit });
    return result;
  });
  await publishPlanEvent(db, { planId, topic: "planning" });
  return result;
}

/** The plan a record belongs to, found from the record; NOT_FOUND when there is no such record. */
export async function planIdOf(find: Promise<{ planId: string } | null>): Promise<string> {
  const record = await find;
  if (!record) throw notFound();
  return record.planId;
}
