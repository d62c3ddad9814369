import { currentContent } from "../documents/storage";
import type { Db } from "../db/client";
import { getPlanning } from "../planning/get-planning";
import { todayInVietnam } from "../planning/figures";
import { formatReference, headingReference } from "@/lib/domain/plan-reference";
import type { Actor } from "../policies/actor";
import { vietnameseDate } from "./decree30";
import type { ExportFile } from "./export-file";
import { loadIssuingBody } from "./issuing-body";
import { planReference } from "./labels";
import type { DocumentFormat, OfficialDocument } from "./official-document";
import { planAnnexes } from "./plan-annexes";
import { renderDocument } from "./render-document";
import { planSigner } from "./signer";

/**
 * The summary (trích yếu) under "KẾ HOẠCH": a plan's title usually starts with the kind
 * itself ("Kế hoạch thực hiện…"), which the Decree's layout already says above it.
 */
export function planSummary(title: string): string {
  const rest = title.replace(/^kế hoạch\s+/iu, "");
  return rest ? rest.charAt(0).toLocaleUpperCase("vi") + rest.slice(1) : title;
}

/**
 * A plan as an official document in the layout of Decree 30/2020/NĐ-CP: the header (issuing
 * body, national motto, number and symbol, place and date), "KẾ HOẠCH" and the summary, the
 * live text, the signature block, then its targets, milestones, budget and shortages as
 * annexes. getPlanning decides visibility as the plan page does: NOT_FOUND for a plan the
 * actor may not see.
 */
export async function planDocument(db: Db, actor: Actor, planId: string): Promise<OfficialDocument> {
  const planning = await getPlanning(db, actor, planId);
  const plan = await db.plan.findUniqueOrThrow({
    where: { id: planId },
    select: {
      id: true,
      number: true,
      symbol: true,
      title: true,
      issuedOn: true,
      year: true,
      issuingUnitId: true,
      issuingUnit: { select: { name: true, level: true, path: true } },
      createdBy: { select: { name: true, title: true } },
    },
  });
  const [issuer, signer, content] = await Promise.all([
    loadIssuingBody(db, plan.issuingUnit),
    planSigner(db, plan),
    currentContent(db, planId),
  ]);
  // A draft without a number is printed as officials print theirs: "Số:        /KH-UBND".
  const reference = headingReference(plan, `KH-${issuer.abbreviation}`);
  const year = plan.issuedOn?.getUTCFullYear() ?? plan.year ?? todayInVietnam().getUTCFullYear();
  const attachedTo = `Kèm theo Kế hoạch số ${reference}${plan.issuedOn ? ` ${vietnameseDate(plan.issuedOn, year)}` : ""} của ${issuer.fullName}`;
  return {
    name: formatReference(plan) ?? "Du-thao-ke-hoach",
    title: `${planReference(plan)} — ${plan.title}`,
    subject: plan.title,
    header: { issuer, reference, date: plan.issuedOn, year },
    kind: "KẾ HOẠCH",
    summary: planSummary(plan.title),
    body: [{ type: "text", content }, { type: "signature", signer }, ...planAnnexes(planning, attachedTo)],
  };
}

/** The plan as a DOCX or PDF file, the same document in either. */
export async function exportPlan(db: Db, actor: Actor, planId: string, format: DocumentFormat): Promise<ExportFile> {
  return renderDocument(await planDocument(db, actor, planId), format);
}
