"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type Editor, useEditorState } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { cn } from "@/components/ui/cn";
import type { PassageAnchor } from "@/lib/editor/passage-anchor";
import { passageHighlightsKey } from "@/lib/editor/passage-highlights";
import { useTRPC } from "@/lib/trpc/react";
import { CommentForm, type Unnotified, UnnotifiedNotice } from "./comment-form";
import { quoteOf, Thread } from "./plan-discussion";

const PASSAGE = { type: "passage", id: null } as const;
const DRAFT = "draft";

/**
 * Comments on passages of the document, listed beside it in the order of the text: each open
 * thread's passage is highlighted where it stands now (see PassageHighlights), a thread whose
 * passage was deleted says so and shows what it quoted. Choosing a thread shows its passage,
 * clicking a highlight chooses its thread. New threads start from a selection (`draft`).
 */
export function PassageThreads({
  editor,
  planId,
  me,
  draft,
  onDraftDone,
  active,
  onActive,
}: {
  editor: Editor;
  planId: string;
  me: { id: string };
  draft: PassageAnchor | null;
  onDraftDone: () => void;
  active: string | null;
  onActive: (id: string | null) => void;
}) {
  const t = useTranslations("passages");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const threads = useQuery(trpc.comments.list.queryOptions({ planId, subject: PASSAGE }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.comments.list.queryKey({ planId }) });
  // The draft's form closes once posted: the names it could not notify are told here instead.
  const [unnotified, setUnnotified] = useState<Unnotified[]>([]);

  // Open threads (and the one being written) are highlighted in the text.
  const anchored = useMemo(
    () => [
      ...(threads.data ?? [])
        .filter((thread) => !thread.resolvedAt && thread.anchor)
        .map((thread) => ({ id: thread.id, anchor: thread.anchor as unknown as PassageAnchor })),
      ...(draft ? [{ id: DRAFT, anchor: draft }] : []),
    ],
    [threads.data, draft],
  );
  useEffect(() => {
    if (!editor.isDestroyed)
      editor.view.dispatch(
        editor.state.tr.setMeta(passageHighlightsKey, { threads: anchored, active: draft ? DRAFT : active }),
      );
  }, [editor, anchored, active, draft]);
  const places = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const ranges = passageHighlightsKey.getState(e.state)?.ranges;
      return Object.fromEntries(
        [...(ranges ?? [])].map(([id, range]) => [
          id,
          range ? { from: range.from, text: e.state.doc.textBetween(range.from, range.to, " ") } : null,
        ]),
      );
    },
    equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });

  // Threads follow the text; resolved ones and those whose passage is gone come last.
  const ordered = [...(threads.data ?? [])].sort((a, b) => rank(a) - rank(b));
  function rank(thread: { id: string; resolvedAt: Date | null }) {
    const at = places[thread.id];
    return thread.resolvedAt ? 2e9 : (at?.from ?? 1e9);
  }
  const focus = (id: string) => {
    onActive(id);
    const at = places[id];
    if (!at) return;
    const { node } = editor.view.domAtPos(at.from);
    (node instanceof Element ? node : node.parentElement)?.scrollIntoView({ block: "center", behavior: "smooth" });
  };
  useEffect(() => {
    if (active) document.querySelector(`[data-thread-id="${active}"]`)?.scrollIntoView({ block: "nearest" });
  }, [active]);

  return (
    <section aria-labelledby="passages-title" className="space-y-2" data-testid="passage-threads">
      <h3 id="passages-title" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h3>
      {draft && (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-3" data-testid="passage-draft">
          <p className="mb-2 text-sm text-slate-700">
            <span className="font-medium">{t("quote")}:</span> <q className="italic">{draft.quote}</q>
          </p>
          <CommentForm
            planId={planId}
            subject={PASSAGE}
            anchor={draft}
            label={t("new")}
            autoFocus
            onDone={(comment) => {
              setUnnotified(comment.unnotified);
              onDraftDone();
              void refresh();
            }}
            onCancel={onDraftDone}
          />
        </div>
      )}
      {!draft && <UnnotifiedNotice names={unnotified} />}
      {!draft && !ordered.length && <p className="text-sm text-slate-500">{t("empty")}</p>}
      <ul className="space-y-2">
        {ordered.map((thread) => {
          const gone = !thread.resolvedAt && !places[thread.id];
          return (
            <Thread
              key={thread.id}
              thread={thread}
              planId={planId}
              me={me}
              onChanged={refresh}
              active={thread.id === active}
              onFocus={() => focus(thread.id)}
            >
              <p className={cn("mb-2 border-l-2 pl-2 text-sm", gone ? "border-slate-300" : "border-amber-400")}>
                {/* What the passage says now; what it said when it is gone. */}
                <q className={cn("italic text-slate-700", gone && "line-through")}>
                  {places[thread.id]?.text ?? quoteOf(thread)}
                </q>
                {gone && (
                  <span className="mt-1 block text-xs font-medium text-slate-500" data-testid="passage-gone">
                    {t("gone")}
                  </span>
                )}
              </p>
            </Thread>
          );
        })}
      </ul>
    </section>
  );
}
