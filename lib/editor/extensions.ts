import type { Extensions } from "@tiptap/core";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";
import { SuggestedDeletion, SuggestedInsertion } from "./suggestions";

/**
 * The document schema of a plan, shared by the browser editor and the server (which turns
 * the Yjs document into JSON and text, and writes restored versions). History is Yjs's, so
 * TipTap's own undo stack is off. Suggested changes are marks of the schema (see suggestions.ts),
 * so that a version holding them restores with them.
 */
export function documentExtensions(): Extensions {
  return [
    StarterKit.configure({
      undoRedo: false,
      heading: { levels: [1, 2, 3] },
      link: { openOnClick: false, autolink: true, protocols: ["http", "https", "mailto"] },
    }),
    TableKit.configure({ table: { resizable: false } }),
    SuggestedInsertion,
    SuggestedDeletion,
  ];
}
