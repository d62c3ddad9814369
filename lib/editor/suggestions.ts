import { Mark, mergeAttributes } from "@tiptap/core";
import { colorFor } from "@/lib/collab/presence";

/**
 * Suggested changes are marks on the text, in the author's name: text a reviewer proposes to add
 * carries INSERTION, text they propose to remove stays in place and carries DELETION. In the Yjs
 * document a mark is a formatting attribute of the text (named after the mark, valued by its
 * attributes), which is what the collaboration server reads to hold a suggester to suggesting
 * (server/collab/suggestion-rules.ts). A change made of both (a replacement) shares one id.
 */
export const INSERTION = "suggestedInsertion";
export const DELETION = "suggestedDeletion";

/** Flat on purpose: Yjs compares attribute values shallowly, so equal marks merge into one run. */
export interface SuggestionAttrs {
  id: string;
  userId: string;
  name: string;
}

export interface SuggestionAuthor {
  id: string;
  name: string;
}

export const isSuggestionAttrs = (value: unknown): value is SuggestionAttrs =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as SuggestionAttrs).id === "string" &&
  typeof (value as SuggestionAttrs).userId === "string" &&
  typeof (value as SuggestionAttrs).name === "string";

function suggestionMark(name: string, tag: "ins" | "del") {
  return Mark.create({
    name,
    inclusive: false,
    // One suggestion per letter, and never both kinds: a letter is proposed or struck, not both.
    excludes: `${INSERTION} ${DELETION}`,
    addAttributes() {
      const attribute = (key: keyof SuggestionAttrs) => ({
        default: "",
        parseHTML: (element: HTMLElement) => element.getAttribute(`data-suggestion-${key}`) ?? "",
        renderHTML: (attrs: Record<string, string>) => ({ [`data-suggestion-${key}`]: attrs[key] }),
      });
      return { id: attribute("id"), userId: attribute("userId"), name: attribute("name") };
    },
    parseHTML: () => [{ tag: `${tag}[data-suggestion-id]` }],
    renderHTML({ HTMLAttributes, mark }) {
      const attrs = mark.attrs as SuggestionAttrs;
      return [
        tag,
        mergeAttributes(HTMLAttributes, {
          class: tag === "ins" ? "suggestion-insertion" : "suggestion-deletion",
          title: attrs.name,
          style: `--suggestion-color: ${colorFor(attrs.userId)}`,
        }),
        0,
      ];
    },
  });
}

export const SuggestedInsertion = suggestionMark(INSERTION, "ins");
export const SuggestedDeletion = suggestionMark(DELETION, "del");

/** One suggested change: what it adds, what it removes, and whose it is. */
export interface Suggestion {
  id: string;
  author: SuggestionAuthor;
  inserted: string;
  deleted: string;
}

/** A run of text as a walker meets it: its letters and its suggestion mark, if any. */
export interface SuggestedRun {
  text: string;
  kind: "insertion" | "deletion";
  attrs: SuggestionAttrs;
}

/** Gathers runs into suggestions by id, in the order they first appear in the text. */
export function groupSuggestions(runs: Iterable<SuggestedRun>): Suggestion[] {
  const byId = new Map<string, Suggestion>();
  for (const run of runs) {
    let suggestion = byId.get(run.attrs.id);
    if (!suggestion) {
      suggestion = {
        id: run.attrs.id,
        author: { id: run.attrs.userId, name: run.attrs.name },
        inserted: "",
        deleted: "",
      };
      byId.set(run.attrs.id, suggestion);
    }
    if (run.kind === "insertion") suggestion.inserted += run.text;
    else suggestion.deleted += run.text;
  }
  return [...byId.values()];
}

type JsonNode = {
  type?: string;
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: JsonNode[];
};

/** The open suggestions of a document as ProseMirror JSON (what the server reads from storage). */
export function suggestionsInContent(content: JsonNode): Suggestion[] {
  const runs: SuggestedRun[] = [];
  const walk = (node: JsonNode) => {
    if (node.type === "text") {
      for (const mark of node.marks ?? []) {
        const kind = mark.type === INSERTION ? "insertion" : mark.type === DELETION ? "deletion" : null;
        if (kind && isSuggestionAttrs(mark.attrs)) runs.push({ text: node.text ?? "", kind, attrs: mark.attrs });
      }
      return;
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(content);
  return groupSuggestions(runs);
}
