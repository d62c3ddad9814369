import { downloadResponse } from "@/server/exports/download-route";
import { exportPlanDocx } from "@/server/exports/plan-docx";

export const dynamic = "force-dynamic";

/** The plan as DOCX in the layout of Decree 30/2020/NĐ-CP, for whoever may see it. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return downloadResponse((db, actor) => exportPlanDocx(db, actor, id));
}
