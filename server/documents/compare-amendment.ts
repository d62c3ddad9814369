import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { DomainError } from "../errors";
import type { Actor } from "../policies/actor";
import { snapshotPlanning, summarizeSnapshot } from "../planning/approved-snapshot";
import { loadVisiblePlan } from "../plans/load-visible-plan";
import { plainText } from "./content";
import { currentContent } from "./storage";
import { compareTexts } from "./versions";

/**
 * What an amendment changes in the plan it amends: its text word by word (as "Lịch sử phiên
 * bản" compares versions) and how much structured content each holds.
 */
export async function compareWithAmended(db: Db, actor: Actor, planId: string) {
  await loadVisiblePlan(db, actor, planId);
  const { amendsId } = await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { amendsId: true } });
  if (!amendsId) throw new DomainError("CONFLICT", "errors.notAnAmendment");
  // The amended plan is the same unit's and published: whoever sees the amendment sees it too.
  await loadVisiblePlan(db, actor, amendsId);
  const [before, after] = [await currentContent(db, amendsId), await currentContent(db, planId)];
  const figures = async (id: string) =>
    summarizeSnapshot((await db.$transaction((tx) => snapshotPlanning(tx, id))) as Prisma.JsonValue)!;
  return {
    comparison: compareTexts(plainText(before), plainText(after)),
    inForce: await figures(amendsId),
    amendment: await figures(planId),
  };
}
