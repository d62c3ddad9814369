import {
  DEFAULT_CRITERIA_COUNT,
  MAX_CRITERIA_COUNT,
  templateCsv,
  templateFileName,
  templateXlsx,
} from "@/server/imports/templates";
import { IMPORT_KINDS, type ImportKind } from "@/server/imports/types";

export const dynamic = "force-dynamic";

const TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/**
 * An empty import template: `/api/templates/criteria?format=xlsx&criteria=19`. Headings only,
 * no data, so it needs no sign-in; `criteria` is the chosen set's number of criteria.
 */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  if (!IMPORT_KINDS.includes(kind as ImportKind)) return new Response("Not found", { status: 404 });
  const search = new URL(request.url).searchParams;
  const format = search.get("format") === "xlsx" ? "xlsx" : "csv";
  const count = Number(search.get("criteria") ?? DEFAULT_CRITERIA_COUNT);
  const criteria =
    Number.isInteger(count) && count >= 1 && count <= MAX_CRITERIA_COUNT ? count : DEFAULT_CRITERIA_COUNT;
  const body =
    format === "xlsx" ? await templateXlsx(kind as ImportKind, criteria) : templateCsv(kind as ImportKind, criteria);
  return new Response(body as BodyInit, {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Disposition": `attachment; filename="${templateFileName(kind as ImportKind, format)}"`,
      "Cache-Control": "no-store",
    },
  });
}
