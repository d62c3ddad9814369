"use client";

import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { cn } from "@/components/ui/cn";
import { colorFor } from "@/lib/collab/presence";
import { documentExtensions } from "@/lib/editor/extensions";
import { EditorToolbar } from "./editor-toolbar";
import { Presence } from "./presence";
import type { CollabDocument } from "./use-collab-document";

/**
 * TipTap on the plan's connected Yjs document, with the connection and save state and who else
 * is here. Loaded lazily by `PlanEditor`, which has already opened the document.
 */
export function LiveEditor({ collab, user }: { collab: CollabDocument; user: { id: string; name: string } }) {
  const t = useTranslations();
  const editable = !collab.readOnly && !collab.error;
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

  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
        <StatusLine collab={collab} />
        <Presence collaborators={collab.collaborators} />
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
      {collab.readOnly && !collab.error && (
        <p
          className="border-b border-slate-200 bg-slate-50 px-4 py-2 text-sm text-slate-600"
          data-testid="read-only-note"
        >
          {t("collab.readOnly")}
        </p>
      )}
      {editor && editable && <EditorToolbar editor={editor} />}
      <EditorContent editor={editor} />
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
