import { getSchema } from "@tiptap/core";
import * as Y from "yjs";
import { documentExtensions } from "@/lib/editor/extensions";
import { DELETION, INSERTION, isSuggestionAttrs } from "@/lib/editor/suggestions";

/** Who suggests: the marks they may add carry exactly this id and name. */
export interface Suggester {
  userId: string;
  name: string;
}

let cachedNames: { marks: Set<string>; textblocks: Set<string> } | undefined;
/**
 * Formatting a new letter may carry (the schema's marks) and the nodes that hold text: what
 * the schema does not allow would break the other editors' views of the document.
 */
function schemaNames() {
  if (!cachedNames) {
    const schema = getSchema(documentExtensions());
    cachedNames = {
      marks: new Set(Object.keys(schema.marks)),
      textblocks: new Set(
        Object.values(schema.nodes)
          .filter((n) => n.isTextblock)
          .map((n) => n.name),
      ),
    };
  }
  return cachedNames;
}

const sameValue = (a: unknown, b: unknown): boolean =>
  a === b ||
  (typeof a === "object" &&
    typeof b === "object" &&
    a !== null &&
    b !== null &&
    Object.keys(a).length === Object.keys(b).length &&
    Object.entries(a).every(([key, value]) => (b as Record<string, unknown>)[key] === value));

/**
 * Judges a Yjs transaction applied on behalf of a suggester, once its items are in place (so
 * every letter's formatting is known as it will be) and before deleted content is collected.
 * A suggester may only:
 * - add letters inside paragraphs that carry their own INSERTION mark (and no other unknown formatting),
 * - remove letters that carry their own INSERTION mark (taking back what they proposed),
 * - put their own DELETION mark on unmarked letters, or take it off again,
 * - add or drop the text runs holding such letters.
 * Anything else — a plain insertion or deletion, other formatting, paragraphs, attributes, a
 * mark in someone else's name — is refused. Only the paragraphs the transaction touched are
 * read, so a keystroke costs its paragraph, not the document. Returns why it is refused, or null.
 */
export function judgeSuggestion(transaction: Y.Transaction, author: Suggester): string | null {
  const store = transaction.doc.store;
  const before = transaction.beforeState;
  const isNew = (item: Y.Item) => item.id.clock >= (before.get(item.id.client) ?? 0);
  const mine = (value: unknown) =>
    isSuggestionAttrs(value) && value.userId === author.userId && value.name === author.name;

  // Items deleted by this transaction; a deletion always splits items at its bounds first.
  const deletedNow = new Set<Y.Item>();
  for (const [client, ranges] of transaction.deleteSet.clients) {
    const structs = store.clients.get(client) ?? [];
    for (const { clock, len } of ranges)
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < clock + len; i++) {
        const struct = structs[i]!;
        if (struct instanceof Y.Item) deletedNow.add(struct);
      }
  }

  const texts = new Set<Y.XmlText>();
  /** Where an item appears or goes: letters of a text run, or a text run inside a paragraph. */
  const place = (item: Y.Item): string | null => {
    if (item.parentSub !== null) return "an attribute";
    if (item.parent instanceof Y.XmlText) {
      texts.add(item.parent);
      return null;
    }
    const isTextRun = item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlText;
    const inTextblock = item.parent instanceof Y.XmlElement && schemaNames().textblocks.has(item.parent.nodeName);
    return isTextRun && inTextblock ? null : "the document's structure";
  };
  for (const [client, clock] of transaction.afterState) {
    const from = before.get(client) ?? 0;
    if (clock === from) continue;
    const structs = store.clients.get(client) ?? [];
    for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
      const struct = structs[i]!;
      // Added and removed at once (or collected): no trace in the document.
      if (!(struct instanceof Y.Item) || struct.deleted) continue;
      const problem = place(struct);
      if (problem) return problem;
    }
  }
  for (const item of deletedNow) {
    if (isNew(item)) continue;
    const problem = place(item);
    if (problem) return problem;
  }

  for (const text of texts) {
    // Formatting in force, before and after the transaction, as Yjs reads it: the last live
    // format item of each key before a letter gives its value (null removes it).
    const was = new Map<string, unknown>();
    const now = new Map<string, unknown>();
    for (let item = text._start; item; item = item.right) {
      const fresh = isNew(item);
      const liveBefore = !fresh && (!item.deleted || deletedNow.has(item));
      const liveAfter = !item.deleted;
      if (item.content instanceof Y.ContentFormat) {
        const { key, value } = item.content;
        if (liveBefore) setFormat(was, key, value);
        if (liveAfter) setFormat(now, key, value);
        continue;
      }
      if (!item.countable) continue;
      if (fresh) {
        if (!liveAfter) continue;
        if (!mine(now.get(INSERTION)) || now.has(DELETION)) return "an insertion that is not their suggestion";
        for (const key of now.keys()) if (!schemaNames().marks.has(key)) return `unknown formatting "${key}"`;
        continue;
      }
      if (!liveBefore) continue;
      if (!liveAfter) {
        if (!mine(was.get(INSERTION))) return "a deletion of text that is not their suggestion";
        continue;
      }
      for (const key of new Set([...was.keys(), ...now.keys()])) {
        const a = was.get(key) ?? null;
        const b = now.get(key) ?? null;
        if (sameValue(a, b)) continue;
        const struck = key === DELETION && !now.has(INSERTION) && ((a === null && mine(b)) || (mine(a) && b === null));
        if (!struck) return `a change of "${key}" on existing text`;
      }
    }
  }
  return null;
}

function setFormat(attributes: Map<string, unknown>, key: string, value: unknown) {
  if (value === null) attributes.delete(key);
  else attributes.set(key, value);
}
