import { Extension } from "@tiptap/core";
import { Fragment, type MarkType, type Node, Slice } from "@tiptap/pm/model";
import { type EditorState, Plugin, Selection, type Transaction } from "@tiptap/pm/state";
import { Mapping, ReplaceStep } from "@tiptap/pm/transform";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { DELETION, INSERTION, type SuggestionAttrs, type SuggestionAuthor } from "./suggestions";

/** Set on transactions that are already what they should be: this extension's own, accepting, rejecting. */
export const AS_IS = "suggestions:as-is";

export interface SuggestModeOptions {
  /** Who suggests: someone while the server lets this editor only suggest, null while it edits (read at each change). */
  author: () => SuggestionAuthor | null;
  /** Told when a change cannot be a suggestion (formatting, new paragraphs…) and was dropped. */
  onRefused: () => void;
}

/** Changes that arrived from the shared document (others' edits, undo): never rewritten here. */
const isRemote = (tr: Transaction) => Boolean(tr.getMeta(ySyncPluginKey));

/**
 * Suggest mode. While there is an `author`, every change the user makes is rewritten before it
 * applies: text they remove gets their DELETION mark and stays (their own proposed text goes
 * for good), text they type gets their INSERTION mark after what it replaces, and a change
 * next to their own suggestion continues it. Only letters within paragraphs can be suggested;
 * anything else (formatting, splitting or joining paragraphs, tables) is dropped and reported,
 * as the server would refuse it. While editing, text typed into someone's suggestion is plain.
 */
export const SuggestMode = Extension.create<SuggestModeOptions>({
  name: "suggestMode",
  addOptions: () => ({ author: () => null, onRefused: () => {} }),
  dispatchTransaction({ transaction, next }) {
    const author = this.options.author();
    if (!author || !transaction.docChanged || isRemote(transaction) || transaction.getMeta(AS_IS))
      return next(transaction);
    const suggested = toSuggestion(transaction, this.editor.state, author);
    if (suggested) next(suggested);
    else this.options.onRefused();
  },
  addProseMirrorPlugins() {
    const { author } = this.options;
    return [
      new Plugin({
        appendTransaction(transactions, _old, state) {
          if (author()) return null;
          return plainWhatWasTyped(transactions, state);
        },
      }),
    ];
  },
});

interface Change {
  from: number;
  to: number;
  slice: Slice;
}

/** What a transaction replaces in the document before it: a range, and what comes in its place. */
function changeOf(tr: Transaction, doc: Node): Change | null {
  const [step] = tr.steps;
  if (tr.steps.length === 1 && step instanceof ReplaceStep) {
    const { from, to, slice } = step as unknown as Change;
    return { from, to, slice };
  }
  if (!tr.steps.every((s) => s instanceof ReplaceStep)) return null;
  const start = doc.content.findDiffStart(tr.doc.content);
  if (start === null) return { from: 0, to: 0, slice: Slice.empty };
  let { a: endA, b: endB } = doc.content.findDiffEnd(tr.doc.content)!;
  const overlap = start - Math.min(endA, endB);
  if (overlap > 0) {
    endA += overlap;
    endB += overlap;
  }
  return { from: start, to: endA, slice: tr.doc.slice(start, endB) };
}

/** The letters a slice brings when it fits inside one paragraph, or null when it has structure. */
function inlineText(slice: Slice): Fragment | null {
  if (slice.openStart !== slice.openEnd) return null;
  let content = slice.content;
  for (let depth = 0; depth < slice.openStart; depth++) {
    if (content.childCount !== 1) return null;
    content = content.firstChild!.content;
  }
  let letters = true;
  content.forEach((node) => (letters &&= node.isText));
  return letters ? content : null;
}

const newId = () => Math.random().toString(36).slice(2, 10);

/** The id of the author's own suggestion of `type` touching [from, to), to continue it. */
function neighbourId(doc: Node, from: number, to: number, type: MarkType, author: SuggestionAuthor) {
  for (const node of [doc.resolve(from).nodeBefore, doc.resolve(to).nodeAfter]) {
    const mark = node?.isText ? type.isInSet(node.marks) : undefined;
    if (mark && mark.attrs.userId === author.id) return mark.attrs.id as string;
  }
  return null;
}

function toSuggestion(tr: Transaction, state: EditorState, author: SuggestionAuthor): Transaction | null {
  const change = changeOf(tr, state.doc);
  const typed = change && inlineText(change.slice);
  if (!change || !typed) return null;
  const insertion = state.schema.marks[INSERTION]!;
  const deletion = state.schema.marks[DELETION]!;
  const attrs = (id: string): SuggestionAttrs => ({ id, userId: author.id, name: author.name });
  const { from, to } = change;

  const own: [number, number][] = [];
  const plain: [number, number][] = [];
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true;
    const range: [number, number] = [Math.max(pos, from), Math.min(pos + node.nodeSize, to)];
    const inserted = insertion.isInSet(node.marks);
    if (inserted?.attrs.userId === author.id) own.push(range);
    // Someone's proposed or struck text is theirs: it is left as it is.
    else if (!inserted && !deletion.isInSet(node.marks)) plain.push(range);
    return false;
  });

  const out = state.tr.setMeta(AS_IS, true);
  let struckId: string | null = null;
  if (plain.length) {
    struckId = neighbourId(state.doc, from, to, deletion, author) ?? newId();
    for (const [a, b] of plain) out.addMark(a, b, deletion.create(attrs(struckId)));
  }
  for (const [a, b] of own.reverse()) out.delete(a, b);

  let caret: number;
  let bias = -1;
  if (typed.size > 0) {
    const at = out.mapping.map(to);
    if (!out.doc.resolve(at).parent.inlineContent) return null;
    const id = neighbourId(out.doc, at, at, insertion, author) ?? struckId ?? newId();
    const proposed: Node[] = [];
    typed.forEach((node) => {
      const others = node.marks.filter((m) => m.type !== insertion && m.type !== deletion);
      proposed.push(node.mark(insertion.create(attrs(id)).addToSet(others)));
    });
    out.insert(at, Fragment.fromArray(proposed));
    caret = at + typed.size;
  } else {
    // The Delete key leaves the caret after what it struck, so the next press goes on.
    const forward = state.selection.empty && state.selection.from === from;
    caret = out.mapping.map(forward ? to : from);
    bias = forward ? 1 : -1;
  }
  out.setSelection(Selection.near(out.doc.resolve(caret), bias));
  if (tr.scrolledIntoView) out.scrollIntoView();
  return out;
}

/** An editor's typing is theirs: suggestion marks it picked up from around the caret come off. */
function plainWhatWasTyped(transactions: readonly Transaction[], state: EditorState): Transaction | null {
  const local = transactions.filter((tr) => tr.docChanged && !isRemote(tr) && !tr.getMeta(AS_IS));
  if (!local.length) return null;
  const ranges: [number, number][] = [];
  transactions.forEach((tr, index) => {
    if (!local.includes(tr)) return;
    const after = new Mapping(transactions.slice(index + 1).flatMap((later) => later.mapping.maps));
    tr.steps.forEach((step, i) => {
      const rest = new Mapping(tr.mapping.maps.slice(i + 1));
      step.getMap().forEach((_a, _b, start, end) => {
        if (end > start) ranges.push([after.map(rest.map(start, -1), -1), after.map(rest.map(end, 1), 1)]);
      });
    });
  });
  const fix = state.tr.setMeta(AS_IS, true);
  for (const [from, to] of ranges)
    for (const name of [INSERTION, DELETION]) {
      const type = state.schema.marks[name]!;
      if (state.doc.rangeHasMark(from, to, type)) fix.removeMark(from, to, type);
    }
  return fix.docChanged ? fix : null;
}
