import { notFound } from "@/server/errors";
import { domainErrorResponse } from "@/server/exports/download";
import { downloadResponse } from "@/server/exports/download-route";
import { exportPlanDocx } from "@/server/exports/plan-docx";

export const dynamic = "force-dynamic";

/** Plan ids are cuids; anything else (a NUL byte PostgreSQL would refuse with a 500) names no plan. */
const PLAN_ID = /^[a-z0-9]{1,64}$/i;

/** The plan as DOCX in the layout of Decree 30/2020/NĐ-CP, for whoever may see it. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!PLAN_ID.test(id)) return domainErrorResponse(notFound());
  return downloadResponse((db, actor) => exportPlanDocx(db, actor, id));
}
