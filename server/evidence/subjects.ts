import type { Db } from "../db/client";
import { notFound } from "../errors";
import type { EvidenceSubjectType } from "@/lib/domain/evidence";

export type EvidenceSubject = { type: EvidenceSubjectType; id: string };

/** The plan a subject belongs to, and the evidence row's link to it; NOT_FOUND when there is no such record. */
export async function resolveSubject(
  db: Pick<Db, "milestone" | "shortage" | "disbursement">,
  { type, id }: EvidenceSubject,
): Promise<{ planId: string; link: SubjectLink }> {
  const found =
    type === "plan"
      ? { planId: id }
      : type === "milestone"
        ? await db.milestone.findUnique({ where: { id }, select: { planId: true } })
        : type === "shortage"
          ? await db.shortage.findUnique({ where: { id }, select: { planId: true } })
          : await db.disbursement
              .findUnique({ where: { id }, select: { budgetLine: { select: { planId: true } } } })
              .then((d) => d && d.budgetLine);
  if (!found) throw notFound();
  return { planId: found.planId, link: linkOf({ type, id }) };
}

export type SubjectLink = { milestoneId?: string; shortageId?: string; disbursementId?: string };

export const linkOf = ({ type, id }: EvidenceSubject): SubjectLink =>
  type === "milestone"
    ? { milestoneId: id }
    : type === "shortage"
      ? { shortageId: id }
      : type === "disbursement"
        ? { disbursementId: id }
        : {};
