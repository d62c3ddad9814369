import { createContext } from "@/server/api/context";
import { DomainError } from "@/server/errors";
import { readEvidence } from "@/server/evidence/evidence";
import { evidenceFileResponse } from "@/server/evidence/upload-request";
import { domainErrorResponse } from "@/server/exports/download";

export const dynamic = "force-dynamic";

/** A file for whoever may see its plan (`?variant=thumbnail` for an image's small copy, shown inline); 404 for anyone else. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const thumbnail = new URL(request.url).searchParams.get("variant") === "thumbnail";
  const { db, actor } = await createContext();
  if (!actor) return Response.json({ error: "errors.unauthorized" }, { status: 401 });
  try {
    return evidenceFileResponse(
      await readEvidence(db, actor, id.slice(0, 64), thumbnail ? "thumbnail" : "file"),
      thumbnail,
    );
  } catch (error) {
    if (error instanceof DomainError) return domainErrorResponse(error);
    throw error;
  }
}
