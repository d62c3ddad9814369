import { Extension } from "@tiptap/core";
import { type EditorState, Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { CONTEXT_LENGTH, decodePosition, endAt, type PassageAnchor, startAt } from "./passage-anchor";

export interface AnchoredThread {
  id: string;
  anchor: PassageAnchor;
}

export interface Highlights {
  threads: AnchoredThread[];
  active: string | null;
  /** Where each thread's passage is now, or null when it is gone from the text. */
  ranges: Map<string, { from: number; to: number } | null>;
  decorations: DecorationSet;
}

export const passageHighlightsKey = new PluginKey<Highlights>("passageHighlights");

type SyncState = {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Map<unknown, unknown> } | null;
  isChangeOrigin?: boolean;
};
const syncOf = (state: EditorState) => {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  return sync?.binding && sync.binding.mapping.size > 0 ? sync : null;
};

/** A Yjs position of the shared document, as (text or element, index). */
function yPosition(state: EditorState, pos: number) {
  const sync = syncOf(state)!;
  const relative = absolutePositionToRelativePosition(pos, sync.type, sync.binding!.mapping as never);
  return Y.createAbsolutePositionFromRelativePosition(relative, sync.doc);
}

/** The anchor of the text selected in [from, to): null when nothing but spaces is selected. */
export function anchorOf(state: EditorState, from: number, to: number): PassageAnchor | null {
  const quote = state.doc.textBetween(from, to, "\n");
  if (!syncOf(state) || !quote.trim()) return null;
  const start = yPosition(state, from);
  const end = yPosition(state, to);
  if (!start || !end) return null;
  const size = state.doc.content.size;
  return {
    start: startAt(start.type, start.index),
    end: endAt(end.type, end.index),
    quote,
    prefix: state.doc.textBetween(Math.max(0, from - CONTEXT_LENGTH), from, "\n").slice(-CONTEXT_LENGTH),
    suffix: state.doc.textBetween(to, Math.min(size, to + CONTEXT_LENGTH), "\n").slice(0, CONTEXT_LENGTH),
  };
}

/** Where an anchored passage is in the editor's document now, or null when its letters are all gone. */
export function resolveAnchor(state: EditorState, anchor: PassageAnchor): { from: number; to: number } | null {
  const sync = syncOf(state);
  const start = decodePosition(anchor.start);
  const end = decodePosition(anchor.end);
  if (!sync || !start || !end) return null;
  const mapping = sync.binding!.mapping as never;
  const from = relativePositionToAbsolutePosition(sync.doc, sync.type, start, mapping);
  const to = relativePositionToAbsolutePosition(sync.doc, sync.type, end, mapping);
  if (from === null || to === null || to <= from || to > state.doc.content.size) return null;
  return state.doc.textBetween(from, to, " ").trim() ? { from, to } : null;
}

function locate(state: EditorState, threads: AnchoredThread[], active: string | null): Highlights {
  const ranges = new Map(threads.map((t) => [t.id, resolveAnchor(state, t.anchor)]));
  const decorations = [...ranges].flatMap(([id, range]) =>
    range
      ? [
          Decoration.inline(range.from, range.to, {
            class: id === active ? "passage-comment is-active" : "passage-comment",
            "data-thread-id": id,
          }),
        ]
      : [],
  );
  return { threads, active, ranges, decorations: DecorationSet.create(state.doc, decorations) };
}

export interface HighlightsMeta {
  threads?: AnchoredThread[];
  active?: string | null;
}

/**
 * Highlights the passages open threads point at. Their places are read from the Yjs anchors
 * when others' edits arrive (the shared document leads then) or the threads change, and are
 * mapped through the user's own edits in between, as the collaboration carets are.
 */
export const PassageHighlights = Extension.create<{ onSelect: (id: string) => void }>({
  name: "passageHighlights",
  addOptions: () => ({ onSelect: () => {} }),
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<Highlights>({
        key: passageHighlightsKey,
        state: {
          init: (_, state) => locate(state, [], null),
          apply(tr, previous, _old, state) {
            const meta = tr.getMeta(passageHighlightsKey) as HighlightsMeta | undefined;
            // The shared document spoke (others' edits, the first render): read the anchors again.
            const fromSync = tr.getMeta(ySyncPluginKey) !== undefined;
            if (meta || fromSync)
              return locate(
                state,
                meta?.threads ?? previous.threads,
                meta?.active !== undefined ? meta.active : previous.active,
              );
            if (!tr.docChanged) return previous;
            const ranges = new Map(
              [...previous.ranges].map(([id, range]) => {
                if (!range) return [id, null] as const;
                const from = tr.mapping.map(range.from, 1);
                const to = tr.mapping.map(range.to, -1);
                return [id, to > from ? { from, to } : null] as const;
              }),
            );
            return { ...previous, ranges, decorations: previous.decorations.map(tr.mapping, tr.doc) };
          },
        },
        props: {
          decorations: (state) => passageHighlightsKey.getState(state)?.decorations,
          handleClick(view, pos) {
            const ranges = passageHighlightsKey.getState(view.state)?.ranges ?? new Map();
            const hit = [...ranges].find(([, range]) => range && range.from <= pos && pos <= range.to);
            if (hit) options.onSelect(hit[0]);
            return false;
          },
        },
      }),
    ];
  },
});
