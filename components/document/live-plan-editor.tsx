"use client";

import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { PassageThreads } from "@/components/comments/passage-threads";
import { cn } from "@/components/ui/cn";
import { colorFor } from "@/lib/collab/presence";
import { documentExtensions } from "@/lib/editor/extensions";
import type { PassageAnchor } from "@/lib/editor/passage-anchor";
import { anchorOf, PassageHighlights } from "@/lib/editor/passage-highlights";
import { SuggestMode } from "@/lib/editor/suggest-mode";
import { EditorToolbar } from "./editor-toolbar";
import { Presence } from "./presence";
import { SuggestionPanel } from "./suggestion-panel";
import type { CollabDocument } from "./use-collab-document";
import { useSelectedRange } from "./use-selected-range";

/**
 * TipTap on the plan's connected Yjs document, with the connection and save state and who else
 * is here, and beside it the suggested changes and the comments on passages. A reviewer's
 * editor suggests instead of editing (SuggestMode), as the server holds them to. Loaded lazily
 * by `PlanEditor`, which has already opened the document.
 */
export function LiveEditor({
  collab,
  user,
  planId,
}: {
  collab: CollabDocument;
  user: { id: string; name: string };
  planId: string;
}) {
  const t = useTranslations();
  const editable = collab.mode !== "read" && !collab.error;
  const [activeThread, setActiveThread] = useState<string | null>(null);
  const [draft, setDraft] = useState<PassageAnchor | null>(null);
  const [refused, setRefused] = useState(false);
  // Read by the editor's extensions at each change: the mode may change while it stays open.
  const suggester = useRef<{ id: string; name: string } | null>(null);
  suggester.current = collab.mode === "suggest" ? user : null;
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        ...documentExtensions(),
        Collaboration.configure({ document: collab.doc }),
        CollaborationCaret.configure({
          provider: collab.provider,
          user: { name: user.name, color: colorFor(user.id) },
        }),
        SuggestMode.configure({ author: () => suggester.current, onRefused: () => setRefused(true) }),
        PassageHighlights.configure({ onSelect: setActiveThread }),
      ],
      editorProps: {
        attributes: {
          class: "plan-editor min-h-96 px-5 py-4 focus:outline-none sm:px-8",
          "aria-label": t("editor.document"),
          "data-testid": "plan-document",
        },
      },
    },
    [collab.doc, collab.provider],
  );
  useEffect(() => editor?.setEditable(editable), [editor, editable]);
  const selected = useSelectedRange(editor);
  const startComment = () => {
    const anchor = editor && selected ? anchorOf(editor.state, selected.from, selected.to) : null;
    if (anchor) setDraft(anchor);
  };

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_17rem]">
      <div className="min-w-0 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
          <StatusLine collab={collab} />
          <div className="flex items-center gap-3">
            <button
              type="button"
              // Keeps the selection: the button must not take it away before it is read.
              onMouseDown={(e) => e.preventDefault()}
              onClick={startComment}
              disabled={!selected}
              title={selected ? undefined : t("passages.selectFirst")}
              className="rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50"
            >
              {t("passages.comment")}
            </button>
            <Presence collaborators={collab.collaborators} />
          </div>
        </div>
        {collab.error && (
          <p role="alert" className="border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800">
            {t(collab.error as "collab.refused")}
          </p>
        )}
        {collab.restoredBy && (
          <p role="status" className="border-b border-blue-200 bg-blue-50 px-4 py-2 text-sm text-blue-900">
            {t("collab.restoredBy", { name: collab.restoredBy })}
          </p>
        )}
        {collab.mode === "read" && !collab.error && (
          <p
            className="border-b border-slate-200 bg-slate-50 px-4 py-2 text-sm text-slate-600"
            data-testid="read-only-note"
          >
            {t("collab.readOnly")}
          </p>
        )}
        {collab.mode === "suggest" && !collab.error && (
          <p
            className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900"
            data-testid="suggest-note"
          >
            {refused ? t("collab.suggestOnlyText") : t("collab.suggesting")}
          </p>
        )}
        {editor && editable && collab.mode === "edit" && <EditorToolbar editor={editor} />}
        <EditorContent editor={editor} />
      </div>
      {editor && (
        <aside className="space-y-5" aria-label={t("passages.aside")}>
          <SuggestionPanel editor={editor} mode={collab.mode} me={user} />
          <PassageThreads
            editor={editor}
            planId={planId}
            me={user}
            draft={draft}
            onDraftDone={() => setDraft(null)}
            active={activeThread}
            onActive={setActiveThread}
          />
        </aside>
      )}
    </div>
  );
}

function StatusLine({ collab }: { collab: CollabDocument }) {
  const t = useTranslations("collab");
  const dot = {
    connected: "bg-emerald-500",
    connecting: "bg-amber-400",
    reconnecting: "bg-amber-400",
    offline: "bg-slate-400",
  }[collab.connection];
  const saved = collab.unsaved
    ? collab.connection === "connected"
      ? t("saving")
      : t("keptLocally")
    : collab.connection === "connected"
      ? t("saved")
      : "";
  return (
    <div className="flex items-center gap-3 text-sm" aria-live="polite">
      <span
        className="flex items-center gap-1.5 text-slate-700"
        data-testid="connection-state"
        data-state={collab.connection}
      >
        <span className={cn("h-2.5 w-2.5 rounded-full", dot)} aria-hidden="true" />
        {t(collab.connection)}
      </span>
      {saved && (
        <span
          className={collab.unsaved ? "text-amber-700" : "text-slate-500"}
          data-testid="save-state"
          data-saved={!collab.unsaved}
        >
          {saved}
        </span>
      )}
    </div>
  );
}
