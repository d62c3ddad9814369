import { documentFormatOf } from "@/server/exports/download";
import { downloadResponse } from "@/server/exports/download-route";
import { exportPlan } from "@/server/exports/plan-document";

export const dynamic = "force-dynamic";

/** The plan in the layout of Decree 30/2020/NĐ-CP, for whoever may see it: DOCX, or PDF with `?format=pdf`. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return downloadResponse((db, actor) => exportPlan(db, actor, id, documentFormatOf(request)));
}
