import { attachEvidence } from "@/server/evidence/evidence";
import { parseFields, ZEvidenceSubject } from "@/server/evidence/schemas";
import { requireFile, uploadRoute } from "@/server/evidence/upload-request";

export const dynamic = "force-dynamic";

/** Attaches a file (multipart: subjectType, subjectId, file) to a plan or one of its milestones, shortages or disbursements. */
export function POST(request: Request) {
  return uploadRoute(request, (db, actor, upload) =>
    attachEvidence(db, actor, parseFields(ZEvidenceSubject, upload.fields), requireFile(upload)),
  );
}
