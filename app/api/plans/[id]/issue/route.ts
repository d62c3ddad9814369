import { ZPlanIssue } from "@/server/api/routers/plans/schemas";
import { parseFields } from "@/server/evidence/schemas";
import { requireFile, uploadRoute } from "@/server/evidence/upload-request";
import { issuePlan } from "@/server/plans/issue-plan";

export const dynamic = "force-dynamic";

/** Issues an approved plan (multipart: reference, issuedOn, file = the signed copy as a PDF). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return uploadRoute(request, (db, actor, upload) =>
    issuePlan(db, actor, id.slice(0, 64), parseFields(ZPlanIssue, upload.fields), requireFile(upload)),
  );
}
