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
 * - add letters inside paragraphs that carry their own INSERTION mark (and no unknown formatting),
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

  const paragraphs = new Set<Y.XmlElement>();
  /** Where an item appears or goes: letters of a text run, or a text run, inside a paragraph. */
  const place = (item: Y.Item): string | null => {
    if (item.parentSub !== null) return "an attribute";
    const isTextRun = item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlText;
    const parent = item.parent instanceof Y.XmlText ? item.parent._item?.parent : isTextRun ? item.parent : null;
    if (!(parent instanceof Y.XmlElement) || !schemaNames().textblocks.has(parent.nodeName))
      return "the document's structure";
    paragraphs.add(parent);
    return null;
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

  const live = (item: Y.Item) => ({
    before: !isNew(item) && (!item.deleted || deletedNow.has(item)),
    after: !item.deleted,
  });
  for (const paragraph of paragraphs) {
    // The paragraph before and after, letter by letter with the formatting in force (in Yjs
    // the last live format item of a key before a letter gives its value; null removes it).
    const was: Run[] = [];
    const now: Run[] = [];
    for (let child = paragraph._start; child; child = child.right) {
      const text = child.content instanceof Y.ContentType ? child.content.type : null;
      if (!(text instanceof Y.XmlText)) {
        // Any other inline node (a line break) stands as itself: it can neither come nor go.
        const token = { text: `\u0000${child.id.client}:${child.id.clock}\u0000`, attributes: new Map() };
        if (child.countable && live(child).before) was.push(token);
        if (child.countable && live(child).after) now.push(token);
        continue;
      }
      const wasFormat = new Map<string, unknown>();
      const nowFormat = new Map<string, unknown>();
      for (let item = text._start; item; item = item.right) {
        const { before: liveBefore, after: liveAfter } = live(item);
        if (item.content instanceof Y.ContentFormat) {
          const { key, value } = item.content;
          if (liveBefore) setFormat(wasFormat, key, value);
          if (liveAfter) setFormat(nowFormat, key, value);
        } else if (item.countable) {
          if (liveBefore) pushRun(was, item, wasFormat);
          if (liveAfter) pushRun(now, item, nowFormat);
        }
      }
    }
    const problem = compareParagraph(was, now, mine);
    if (problem) return problem;
  }
  return null;
}

/** Letters of one Yjs item (an embedded value counts as one) with the formatting in force there. */
interface Run {
  text: string;
  attributes: Map<string, unknown>;
}

function pushRun(runs: Run[], item: Y.Item, format: Map<string, unknown>) {
  const text =
    item.content instanceof Y.ContentString
      ? item.content.str
      : item.content
          .getContent()
          .map(() => "\uFFFC")
          .join("");
  runs.push({ text, attributes: new Map(format) });
}

/**
 * Compares by position, not by Yjs item: ProseMirror's binding writes a change as the shortest
 * text difference, which may shift where the same letters sit (typing " x" after "a " can store
 * "x " after the old space). The author's own proposed letters may come and go; all the others
 * must stay the same letters in the same order, with the same formatting, but for the author's
 * own DELETION mark put on or taken off. Runs are compared, not letters: a keystroke in a long
 * paragraph costs its few runs.
 */
function compareParagraph(was: Run[], now: Run[], mine: (value: unknown) => boolean): string | null {
  const proposed = (run: Run) => mine(run.attributes.get(INSERTION));
  for (const run of now.filter(proposed)) {
    if (run.attributes.has(DELETION)) return "an insertion marked as deleted";
    for (const key of run.attributes.keys()) if (!schemaNames().marks.has(key)) return `unknown formatting "${key}"`;
  }
  const before = was.filter((run) => !proposed(run));
  const after = now.filter((run) => !proposed(run));
  if (before.map((run) => run.text).join("") !== after.map((run) => run.text).join(""))
    return "text added or removed outside their suggestions";
  // Walk both lists of runs over the same letters, comparing formatting where they overlap.
  for (let i = 0, j = 0, a = 0, b = 0; i < before.length && j < after.length;) {
    const x = before[i]!;
    const y = after[j]!;
    const problem = compareFormatting(x.attributes, y.attributes, mine);
    if (problem) return problem;
    const step = Math.min(x.text.length - a, y.text.length - b);
    a += step;
    b += step;
    if (a === x.text.length) [i, a] = [i + 1, 0];
    if (b === y.text.length) [j, b] = [j + 1, 0];
  }
  return null;
}

function compareFormatting(was: Map<string, unknown>, now: Map<string, unknown>, mine: (value: unknown) => boolean) {
  for (const key of new Set([...was.keys(), ...now.keys()])) {
    const x = was.get(key) ?? null;
    const y = now.get(key) ?? null;
    if (sameValue(x, y)) continue;
    const struck = key === DELETION && !now.has(INSERTION) && ((x === null && mine(y)) || (mine(x) && y === null));
    if (!struck) return `a change of "${key}" on existing text`;
  }
  return null;
}

function setFormat(attributes: Map<string, unknown>, key: string, value: unknown) {
  if (value === null) attributes.delete(key);
  else attributes.set(key, value);
}
