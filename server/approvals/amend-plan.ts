import { runAs } from "../commands/run-command";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { DomainError, forbidden, notFound } from "../errors";
import { can } from "../policies";
import type { Actor } from "../policies/actor";
import { loadVisiblePlan } from "../plans/load-visible-plan";
import { copyPlanContent } from "./copy-plan-content";
import { IN_FORCE_STATUS, WORKFLOW, nextStatus } from "./workflow";

/**
 * Opens the amendment of a plan in force: a new plan beside it, a draft of the next revision
 * with the same details but its own number and date (empty, the amending plan is a document of
 * its own), the same content, and the same workflow ahead. The plan in force is not touched:
 * the units beneath, the lists, the roll-ups and the exports keep it until the amendment is
 * approved (transition-plan.ts swaps them then). A plan has one amendment at a time: asking
 * again (or twice at once) opens the one already there.
 */
export async function amendPlan(db: Db, actor: Actor, planId: string): Promise<{ id: string; opened: boolean }> {
  const plan = await loadVisiblePlan(db, actor, planId);
  if (!nextStatus(plan.status, "amend")) throw new DomainError("CONFLICT", "errors.workflowIllegal");
  if (!can(actor, "plan.amend", plan)) throw forbidden();
  try {
    return await runAs(db, actor, async (tx, effects, me) => {
      // Serialises two requests for the same plan, and an approval of its amendment.
      const [locked] = await tx.$queryRaw<{ status: string }[]>`
        SELECT status::text FROM "Plan" WHERE id = ${planId} FOR UPDATE`;
      if (!locked) throw notFound();
      const current = { ...plan, status: locked.status as typeof plan.status };
      if (current.status !== IN_FORCE_STATUS) throw new DomainError("CONFLICT", "errors.workflowIllegal");
      if (!can(me, "plan.amend", current)) throw forbidden();
      const open = await tx.plan.findUnique({ where: { amendsId: planId }, select: { id: true } });
      if (open) return { id: open.id, opened: false };

      const source = await tx.plan.findUniqueOrThrow({
        where: { id: planId },
        select: {
          symbol: true,
          title: true,
          issuingUnitId: true,
          programId: true,
          periodStart: true,
          periodEnd: true,
          year: true,
          parentId: true,
          revision: true,
        },
      });
      const revision = source.revision + 1;
      const amendment = await tx.plan.create({
        data: {
          ...source,
          number: null,
          issuedOn: null,
          revision,
          status: WORKFLOW.amend.to,
          amendsId: planId,
          createdById: me.userId,
          updatedById: me.userId,
        },
        select: { id: true },
      });
      const copied = await copyPlanContent(tx, planId, amendment.id);
      await tx.planTransition.create({
        data: {
          planId: amendment.id,
          action: "amend",
          fromStatus: IN_FORCE_STATUS,
          toStatus: WORKFLOW.amend.to,
          revision,
          // Which copy stands for which record of the plan in force: progress recorded there
          // meanwhile follows to the copy when the amendment is approved (carry-progress.ts).
          snapshot: { copied: { ...copied } },
          actorId: me.userId,
        },
        select: { id: true },
      });
      effects.audit({
        action: "plan.amend",
        entityType: "Plan",
        entityId: amendment.id,
        after: { amendsId: planId, revision },
      });
      effects.planChanged(planId, "workflow");
      return { id: amendment.id, opened: true };
    });
  } catch (error) {
    // The unique amendsId: a request that lost the race opens the winner's amendment.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const open = await db.plan.findUnique({ where: { amendsId: planId }, select: { id: true } });
      if (open) return { id: open.id, opened: false };
    }
    throw error;
  }
}
