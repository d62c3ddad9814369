import { exportDashboardXlsx } from "@/server/exports/dashboard-xlsx";
import { rollupQueryOf } from "@/server/exports/download";
import { downloadResponse } from "@/server/exports/download-route";

export const dynamic = "force-dynamic";

/** The dashboard's tables as XLSX: `?unit=<id>&period=2025-H1[&set=<code>]`. */
export function GET(request: Request) {
  return downloadResponse((db, actor) => exportDashboardXlsx(db, actor, rollupQueryOf(request)));
}
