import type { Node } from "@tiptap/pm/model";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { AS_IS } from "./suggest-mode";
import {
  DELETION,
  INSERTION,
  type SuggestedRun,
  type Suggestion,
  groupSuggestions,
  isSuggestionAttrs,
} from "./suggestions";

interface Run extends SuggestedRun {
  from: number;
  to: number;
}

/** Every suggested run of the document with its place, in reading order. */
function runsOf(doc: Node): Run[] {
  const runs: Run[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      const kind = mark.type.name === INSERTION ? "insertion" : mark.type.name === DELETION ? "deletion" : null;
      if (kind && isSuggestionAttrs(mark.attrs))
        runs.push({ from: pos, to: pos + node.nodeSize, kind, text: node.text ?? "", attrs: mark.attrs });
    }
    return false;
  });
  return runs;
}

/** The open suggestions of the document in the editor, in reading order, with where each starts. */
export function suggestionsIn(doc: Node): (Suggestion & { from: number })[] {
  const runs = runsOf(doc);
  return groupSuggestions(runs).map((s) => ({ ...s, from: runs.find((run) => run.attrs.id === s.id)!.from }));
}

/**
 * Accepts or rejects suggestions (`ids`, or all of them): accepting keeps what was proposed
 * and removes what was struck; rejecting does the opposite. The marks go either way. The
 * result is a plain edit, which an editor may make; a suggester may make it for their own.
 */
export function settleSuggestions(state: EditorState, ids: string[] | "all", accept: boolean): Transaction {
  const tr = state.tr.setMeta(AS_IS, true);
  const chosen = runsOf(state.doc).filter((run) => ids === "all" || ids.includes(run.attrs.id));
  const removed: Run[] = [];
  for (const run of chosen) {
    const goes = (run.kind === "insertion") !== accept;
    if (goes) removed.push(run);
    else tr.removeMark(run.from, run.to, state.schema.marks[run.kind === "insertion" ? INSERTION : DELETION]!);
  }
  // Right to left, so that each range is still where it was.
  for (const run of removed.sort((a, b) => b.from - a.from)) tr.delete(run.from, run.to);
  return tr;
}
