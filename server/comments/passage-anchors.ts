import * as Y from "yjs";
import { CONTEXT_LENGTH, decodePosition, endAt, type PassageAnchor, startAt } from "@/lib/editor/passage-anchor";
import type { Effects } from "../commands/effects";
import type { Tx } from "../commands/run-command";
import type { Prisma } from "../db/generated/client";
import { FRAGMENT } from "../documents/content";
import { invalidFields } from "../errors";

/** A comment on a passage needs an anchor whose positions Yjs can read. */
export function checkedAnchor(anchor: PassageAnchor | undefined): PassageAnchor {
  if (!anchor || !decodePosition(anchor.start) || !decodePosition(anchor.end))
    throw invalidFields({ anchor: ["validation.passageRequired"] });
  return anchor;
}

/** The document's letters in reading order, one line per paragraph, and which text run holds each. */
function flatten(doc: Y.Doc) {
  let text = "";
  const runs: { type: Y.XmlText; start: number; length: number }[] = [];
  const walk = (node: Y.XmlFragment | Y.XmlElement) => {
    let opened = false;
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        if (!opened && text) text += "\n";
        opened = true;
        // Yjs counts an embedded object as one position, as this stand-in does.
        const letters = (child.toDelta() as { insert: unknown }[])
          .map((part) => (typeof part.insert === "string" ? part.insert : "\uFFFC"))
          .join("");
        runs.push({ type: child, start: text.length, length: letters.length });
        text += letters;
      } else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(doc.getXmlFragment(FRAGMENT));
  const offsetOf = (position: Y.AbsolutePosition | null) => {
    const run = runs.find((r) => r.type === position?.type);
    return run && !run.type._item?.deleted ? run.start + position!.index : null;
  };
  const runAt = (offset: number) => runs.find((r) => r.start <= offset && offset < r.start + r.length);
  return { text, offsetOf, runAt };
}

type Flat = ReturnType<typeof flatten>;

/** The passage as it stands (its text and surroundings now), or as it was quoted when its letters are gone. */
function currentPassage(flat: Flat, doc: Y.Doc, anchor: PassageAnchor) {
  const at = (text: string) => {
    const position = decodePosition(text);
    return position ? flat.offsetOf(Y.createAbsolutePositionFromRelativePosition(position, doc)) : null;
  };
  const from = at(anchor.start);
  const to = at(anchor.end);
  if (from === null || to === null || to <= from || !flat.text.slice(from, to).trim())
    return { ...anchor, offset: null };
  return {
    quote: flat.text.slice(from, to),
    prefix: flat.text.slice(Math.max(0, from - CONTEXT_LENGTH), from),
    suffix: flat.text.slice(to, to + CONTEXT_LENGTH),
    offset: from,
  };
}

const commonStart = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};
const commonEnd = (a: string, b: string) => commonStart([...a].reverse().join(""), [...b].reverse().join(""));

/** Where the passage is in the new text: the occurrence whose surroundings match best, then the nearest. */
function findPassage(flat: Flat, passage: ReturnType<typeof currentPassage>, limit = 200): number | null {
  let best: { offset: number; score: number; distance: number } | null = null;
  for (
    let i = flat.text.indexOf(passage.quote), n = 0;
    i >= 0 && n < limit;
    i = flat.text.indexOf(passage.quote, i + 1), n++
  ) {
    const score =
      commonEnd(passage.prefix, flat.text.slice(Math.max(0, i - CONTEXT_LENGTH), i)) +
      commonStart(passage.suffix, flat.text.slice(i + passage.quote.length, i + passage.quote.length + CONTEXT_LENGTH));
    const distance = Math.abs(i - (passage.offset ?? i));
    if (!best || score > best.score || (score === best.score && distance < best.distance))
      best = { offset: i, score, distance };
  }
  return best?.offset ?? null;
}

/**
 * Replaces the document's text (`replace`, a restored version) while keeping comments on its
 * passages: each thread's passage is read as it stands before, and anchored again where the
 * same words stand after (the surroundings choose between repeats). A passage the new text
 * lacks keeps its anchor on the removed letters: the thread then says the passage is gone.
 * Runs in the caller's transaction; viewers' threads refresh after it commits.
 */
export async function keepPassages(tx: Tx, effects: Effects, planId: string, doc: Y.Doc, replace: () => void) {
  const threads = await tx.comment.findMany({
    where: { planId, parentId: null, subjectType: "passage" },
    select: { id: true, anchor: true },
  });
  const before = flatten(doc);
  const passages = threads.flatMap(({ id, anchor }) =>
    anchor ? [{ id, passage: currentPassage(before, doc, anchor as unknown as PassageAnchor) }] : [],
  );
  replace();
  if (!passages.length) return;
  const after = flatten(doc);
  for (const { id, passage } of passages) {
    const offset = findPassage(after, passage);
    if (offset === null) continue;
    const first = after.runAt(offset);
    const last = after.runAt(offset + passage.quote.length - 1);
    if (!first || !last) continue;
    const anchor: PassageAnchor = {
      start: startAt(first.type, offset - first.start),
      end: endAt(last.type, offset + passage.quote.length - last.start),
      quote: passage.quote,
      prefix: passage.prefix,
      suffix: passage.suffix,
    };
    await tx.comment.update({ where: { id }, data: { anchor: anchor as unknown as Prisma.InputJsonObject } });
  }
  effects.planChanged(planId, "comments");
}
