import { rollupQueryOf } from "@/server/exports/download";
import { downloadResponse } from "@/server/exports/download-route";
import { exportReportDocx } from "@/server/exports/report-docx";

export const dynamic = "force-dynamic";

/** A unit's 6-month or yearly report as DOCX: `?unit=<id>&period=2025-H1[&set=<code>]`. */
export function GET(request: Request) {
  return downloadResponse((db, actor) => exportReportDocx(db, actor, rollupQueryOf(request)));
}
