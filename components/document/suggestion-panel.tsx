"use client";

import { type Editor, useEditorState } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { CollabMode } from "@/lib/collab/messages";
import { colorFor } from "@/lib/collab/presence";
import { settleSuggestions, suggestionsIn } from "@/lib/editor/suggestion-commands";

const same = <T,>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The suggested changes in the text, live from the shared document: the planner accepts or
 * rejects each or all (plain edits of theirs); a reviewer takes back their own.
 */
export function SuggestionPanel({ editor, mode, me }: { editor: Editor; mode: CollabMode; me: { id: string } }) {
  const t = useTranslations("suggestions");
  const suggestions = useEditorState({
    editor,
    selector: ({ editor: e }) => suggestionsIn(e.state.doc),
    equalityFn: same,
  });
  const settle = (ids: string[] | "all", accept: boolean) =>
    editor.view.dispatch(settleSuggestions(editor.state, ids, accept));
  const show = (from: number) => {
    const { node } = editor.view.domAtPos(from);
    (node instanceof Element ? node : node.parentElement)?.scrollIntoView({ block: "center", behavior: "smooth" });
  };
  if (!suggestions.length && mode !== "suggest") return null;

  return (
    <section aria-labelledby="suggestions-title" className="space-y-2" data-testid="suggestions">
      <h3 id="suggestions-title" className="flex items-center gap-2 text-sm font-semibold text-slate-900">
        {t("title")} <Badge tone={suggestions.length ? "amber" : "slate"}>{suggestions.length}</Badge>
      </h3>
      {!suggestions.length && <p className="text-sm text-slate-500">{t("empty")}</p>}
      {mode === "edit" && suggestions.length > 1 && (
        <div className="flex flex-wrap gap-2">
          <Button className="px-3 py-1" onClick={() => settle("all", true)}>
            {t("acceptAll")}
          </Button>
          <Button variant="secondary" className="px-3 py-1" onClick={() => settle("all", false)}>
            {t("rejectAll")}
          </Button>
        </div>
      )}
      <ul className="space-y-2">
        {suggestions.map((s) => {
          const summary = [
            s.deleted && `${t("deleted")} “${s.deleted}”`,
            s.inserted && `${t("inserted")} “${s.inserted}”`,
          ]
            .filter(Boolean)
            .join(", ");
          return (
            <li
              key={s.id}
              className="rounded-md border border-l-4 border-slate-200 bg-white p-2 text-sm"
              style={{ borderLeftColor: colorFor(s.author.id) }}
              data-testid="suggestion"
            >
              <button type="button" className="block w-full text-left" onClick={() => show(s.from)}>
                <span className="block text-xs font-semibold text-slate-600">{s.author.name}</span>
                {s.deleted && (
                  <span className="block break-words">
                    {t("deleted")} <del className="text-red-700">{s.deleted}</del>
                  </span>
                )}
                {s.inserted && (
                  <span className="block break-words">
                    {t("inserted")} <ins className="text-emerald-800">{s.inserted}</ins>
                  </span>
                )}
              </button>
              <div className="mt-1 flex flex-wrap gap-3">
                {mode === "edit" && (
                  <>
                    <button
                      type="button"
                      className="font-medium text-brand-700 hover:underline"
                      aria-label={`${t("accept")}: ${summary}`}
                      onClick={() => settle([s.id], true)}
                    >
                      {t("accept")}
                    </button>
                    <button
                      type="button"
                      className="font-medium text-red-700 hover:underline"
                      aria-label={`${t("reject")}: ${summary}`}
                      onClick={() => settle([s.id], false)}
                    >
                      {t("reject")}
                    </button>
                  </>
                )}
                {mode === "suggest" && s.author.id === me.id && (
                  <button
                    type="button"
                    className="font-medium text-slate-700 hover:underline"
                    aria-label={`${t("withdraw")}: ${summary}`}
                    onClick={() => settle([s.id], false)}
                  >
                    {t("withdraw")}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
