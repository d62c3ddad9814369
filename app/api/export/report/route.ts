import { documentFormatOf, rollupQueryOf } from "@/server/exports/download";
import { downloadResponse } from "@/server/exports/download-route";
import { exportReport } from "@/server/exports/report-document";

export const dynamic = "force-dynamic";

/** A unit's 6-month or yearly report: `?unit=<id>&period=2025-H1[&set=<code>][&format=pdf]` (DOCX by default). */
export function GET(request: Request) {
  return downloadResponse((db, actor) => exportReport(db, actor, rollupQueryOf(request), documentFormatOf(request)));
}
