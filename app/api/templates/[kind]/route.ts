import { downloadResponse } from "@/server/exports/download-route";
import { buildTemplate } from "@/server/imports/templates";
import { IMPORT_KINDS, type ImportKind } from "@/lib/domain/imports";

export const dynamic = "force-dynamic";

/**
 * An import template for the signed-in user: `/api/templates/criteria?format=xlsx&period=2026&set=<code>`.
 * It carries the user's units, so it needs a session; criteria templates follow the set of
 * the chosen period (or the set named).
 */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  if (!IMPORT_KINDS.includes(kind as ImportKind)) return new Response("Not found", { status: 404 });
  const search = new URL(request.url).searchParams;
  const value = (name: string) => search.get(name)?.trim().slice(0, 64) || undefined;
  return downloadResponse((db, actor) =>
    buildTemplate(db, actor, kind as ImportKind, {
      format: search.get("format") === "csv" ? "csv" : "xlsx",
      period: value("period"),
      setCode: value("set"),
    }),
  );
}
