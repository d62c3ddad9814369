import type { Db } from "../db/client";
import { notFound } from "../errors";
import type { Actor } from "../policies/actor";
import { authorize, can } from "../policies";

/** Loads a plan for a document operation: NOT_FOUND when hidden, FORBIDDEN when it may only be read. */
export async function planForDocument(db: Db, actor: Actor, planId: string, needs: "view" | "edit") {
  const plan = await db.plan.findUnique({ where: { id: planId }, select: { id: true, status: true, issuingUnit: { select: { path: true, level: true } } } });
  if (!plan || !can(actor, "plan.view", plan)) throw notFound();
  if (needs === "edit") authorize(actor, "plan.update", plan);
  return plan;
}
