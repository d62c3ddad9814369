"use client";

import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";

/**
 * The text the user has selected in the document, as ProseMirror positions, read from the
 * page's selection: a reader's editor is not editable, and ProseMirror does not follow the
 * selection there, yet a reader (a stakeholder) comments on passages too.
 */
export function useSelectedRange(editor: Editor | null) {
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  useEffect(() => {
    if (!editor) return;
    const read = () => {
      const selection = document.getSelection();
      const { dom } = editor.view;
      if (
        !selection ||
        selection.isCollapsed ||
        !dom.contains(selection.anchorNode) ||
        !dom.contains(selection.focusNode)
      )
        return setRange(null);
      try {
        const a = editor.view.posAtDOM(selection.anchorNode!, selection.anchorOffset);
        const b = editor.view.posAtDOM(selection.focusNode!, selection.focusOffset);
        setRange(a === b ? null : { from: Math.min(a, b), to: Math.max(a, b) });
      } catch {
        setRange(null);
      }
    };
    document.addEventListener("selectionchange", read);
    return () => document.removeEventListener("selectionchange", read);
  }, [editor]);
  return range;
}
