import type { Db } from "../db/client";
import type { PlanStatus, UnitLevel } from "../db/generated/client";
import { notFound } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/actor";
import { type PlanAccess, loadVisiblePlan } from "../plans/load-visible-plan";
import type { Effects } from "./effects";
import { runAs, type Tx } from "./run-command";

/**
 * Content changes with the plan ("plan.update"); progress and its evidence are tracked also
 * after approval ("plan.track", "evidence.manage"); an approved plan is issued ("plan.issue").
 */
export type PlanRight = "plan.update" | "plan.track" | "evidence.manage" | "plan.issue";

/** A plan as locked for a change: what the rights are decided on, read under the lock. */
export type LockedPlan = { id: string; status: PlanStatus; issuingUnit: { path: string; level: UnitLevel } };

/**
 * Inside a command's transaction: each plan's status and issuing unit are read again under a
 * share lock (in id order, so that two changes of the same plans cannot deadlock), and the
 * right is checked on what was read, with the actor as read in the transaction. A submission,
 * approval or move committing meanwhile either waits for the change or is seen by it, and
 * refuses it; it never slips between the check and the write.
 */
export async function lockPlans(tx: Tx, actor: Actor, planIds: string[], right: PlanRight) {
  const ids = [...new Set(planIds)].sort();
  const rows = await tx.$queryRaw<{ id: string; status: PlanStatus; path: string; level: UnitLevel }[]>`
    SELECT p.id, p.status::text AS status, u.path, u.level::text AS level
    FROM "Plan" p JOIN "OrgUnit" u ON u.id = p."issuingUnitId"
    WHERE p.id = ANY(${ids}) ORDER BY p.id FOR SHARE OF p`;
  const plans = new Map<string, LockedPlan>(
    rows.map(({ id, status, path, level }) => [id, { id, status, issuingUnit: { path, level } }]),
  );
  for (const id of ids) {
    const plan = plans.get(id);
    if (!plan) throw notFound();
    authorize(actor, right, plan);
  }
  return plans;
}

/**
 * Changes the structured data of one plan (targets, milestones, budget, shortages and their
 * progress): the plan must be visible (NOT_FOUND otherwise) and the right allowed, checked
 * before and again under the lock; the change, its audit events and notifications commit
 * together, and the plan's live viewers refresh afterwards.
 */
export async function changePlan<T>(
  db: Db,
  actor: Actor,
  planId: string,
  right: PlanRight,
  body: (tx: Tx, plan: LockedPlan, effects: Effects, actor: Actor) => Promise<T>,
): Promise<T> {
  const visible: PlanAccess = await loadVisiblePlan(db, actor, planId);
  authorize(actor, right, visible);
  return changePlans(db, actor, [planId], right, (tx, plans, effects, current) =>
    body(tx, plans.get(planId)!, effects, current),
  );
}

/**
 * The same for many plans at once (an import's rows): one transaction, every plan locked and
 * checked, every plan's viewers refreshed. The caller has checked visibility row by row.
 */
export function changePlans<T>(
  db: Db,
  actor: Actor,
  planIds: string[],
  right: PlanRight,
  body: (tx: Tx, plans: Map<string, LockedPlan>, effects: Effects, actor: Actor) => Promise<T>,
  options?: { timeoutMs?: number },
): Promise<T> {
  return runAs(
    db,
    actor,
    async (tx, effects, current) => {
      const plans = await lockPlans(tx, current, planIds, right);
      const result = await body(tx, plans, effects, current);
      for (const id of plans.keys()) effects.planChanged(id, "planning");
      return result;
    },
    options,
  );
}

/** The plan a record belongs to, found from the record; NOT_FOUND when there is no such record. */
export async function planIdOf(find: Promise<{ planId: string } | null>): Promise<string> {
  const record = await find;
  if (!record) throw notFound();
  return record.planId;
}
