import { suggestionsInContent, type Suggestion } from "@/lib/editor/suggestions";
import { flushLocalEdits } from "../collab/local-instance";
import type { Db } from "../db/client";
import { readStoredDocument } from "../documents/storage";
import type { Actor } from "../policies/actor";
import { loadVisiblePlan } from "../plans/load-visible-plan";

/** The suggested changes still open in the plan's stored document (read in the caller's transaction). */
export async function openSuggestions(db: Pick<Db, "$queryRaw">, planId: string): Promise<Suggestion[]> {
  const { content } = await readStoredDocument(db, planId);
  return suggestionsInContent(content);
}

/** The same for someone who may see the plan, with what this instance's editors just wrote. */
export async function listOpenSuggestions(db: Db, actor: Actor, planId: string): Promise<Suggestion[]> {
  await loadVisiblePlan(db, actor, planId);
  await flushLocalEdits(planId);
  return openSuggestions(db, planId);
}
