"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** Formatting buttons; each is a toggle with its state announced to screen readers. */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const t = useTranslations("editor");
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h1: e.isActive("heading", { level: 1 }),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      link: e.isActive("link"),
      table: e.isActive("table"),
    }),
  });
  const chain = () => editor.chain().focus();
  const setLink = () => {
    const previous = editor.getAttributes("link").href as string | undefined;
    const href = window.prompt(t("linkPrompt"), previous ?? "https://");
    if (href === null) return;
    if (href.trim() === "") chain().unsetLink().run();
    else if (/^(https?:|mailto:)/i.test(href.trim()))
      chain().extendMarkRange("link").setLink({ href: href.trim() }).run();
  };
  return (
    <div
      role="toolbar"
      aria-label={t("toolbar")}
      className="flex flex-wrap items-center gap-1 border-b border-slate-200 bg-slate-50 px-2 py-1.5"
    >
      <Tool label={t("heading1")} active={state.h1} onClick={() => chain().toggleHeading({ level: 1 }).run()}>
        H1
      </Tool>
      <Tool label={t("heading2")} active={state.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
        H2
      </Tool>
      <Tool label={t("heading3")} active={state.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
        H3
      </Tool>
      <Separator />
      <Tool label={t("bold")} active={state.bold} onClick={() => chain().toggleBold().run()}>
        <b>B</b>
      </Tool>
      <Tool label={t("italic")} active={state.italic} onClick={() => chain().toggleItalic().run()}>
        <i>I</i>
      </Tool>
      <Tool label={t("link")} active={state.link} onClick={setLink}>
        <Icon d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1" />
      </Tool>
      <Separator />
      <Tool label={t("bulletList")} active={state.bullet} onClick={() => chain().toggleBulletList().run()}>
        <Icon d="M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01" />
      </Tool>
      <Tool label={t("orderedList")} active={state.ordered} onClick={() => chain().toggleOrderedList().run()}>
        1.
      </Tool>
      <Separator />
      <Tool
        label={t("insertTable")}
        active={false}
        onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
      >
        <Icon d="M3 5h18v14H3zM3 10h18M3 15h18M9 5v14M15 5v14" />
      </Tool>
      {state.table && (
        <>
          <Tool label={t("addRow")} active={false} onClick={() => chain().addRowAfter().run()}>
            +↓
          </Tool>
          <Tool label={t("addColumn")} active={false} onClick={() => chain().addColumnAfter().run()}>
            +→
          </Tool>
          <Tool label={t("deleteRow")} active={false} onClick={() => chain().deleteRow().run()}>
            −↓
          </Tool>
          <Tool label={t("deleteColumn")} active={false} onClick={() => chain().deleteColumn().run()}>
            −→
          </Tool>
          <Tool label={t("deleteTable")} active={false} onClick={() => chain().deleteTable().run()}>
            ✕
          </Tool>
        </>
      )}
    </div>
  );
}

function Tool({
  label,
  active,
  onClick,
  children,
}: {
  label: string;
  active: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      title={label}
      aria-label={label}
      aria-pressed={active}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
      className={cn(
        "min-w-8 rounded px-2 py-1 text-sm",
        active ? "bg-brand-700 text-white" : "text-slate-700 hover:bg-slate-200",
      )}
    >
      {children}
    </button>
  );
}

const Separator = () => <span className="mx-1 h-5 w-px bg-slate-300" aria-hidden="true" />;

const Icon = ({ d }: { d: string }) => (
  <svg
    viewBox="0 0 24 24"
    className="mx-auto h-4 w-4"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
  >
    <path d={d} />
  </svg>
);
