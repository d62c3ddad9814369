import type { JSONContent } from "@tiptap/core";
import { diffArrays, diffWordsWithSpace } from "diff";
import { plainText } from "./content";

export type Change = "same" | "added" | "removed";
/** A run of words, unchanged, added or removed. */
export interface TextPart {
  value: string;
  change: Change;
}
/** A cell of a compared table: its words, and whether the cell changed at all. */
export interface CellComparison {
  header: boolean;
  change: Change | "changed";
  parts: TextPart[];
}
export interface RowComparison {
  change: Change | "changed";
  cells: CellComparison[];
}
/** The document compared block by block: text as words, tables as tables, cell by cell. */
export type BlockComparison =
  { kind: "text"; parts: TextPart[] } | { kind: "table"; change: Change | "changed"; rows: RowComparison[] };

type Cell = { header: boolean; text: string };
type Block = { kind: "text"; text: string } | { kind: "table"; rows: Cell[][] };

/** Additions and deletions between two texts, word by word. */
export function compareTexts(from: string, to: string): TextPart[] {
  return diffWordsWithSpace(from, to).map((part) => ({
    value: part.value,
    change: part.added ? "added" : part.removed ? "removed" : "same",
  }));
}

/** The document's top-level blocks: each table with its cells' text, everything else as text. */
function blocksOf(content: JSONContent): Block[] {
  return (content.content ?? []).map((node): Block => {
    if (node.type !== "table") return { kind: "text", text: plainText({ type: "doc", content: [node] }) };
    return {
      kind: "table",
      rows: (node.content ?? []).map((row) =>
        (row.content ?? []).map((cell) => ({
          header: cell.type === "tableHeader",
          text: plainText({ type: "doc", content: cell.content ?? [] }),
        })),
      ),
    };
  });
}

const rowText = (row: Cell[]) => row.map((cell) => cell.text).join("\u241f");

/**
 * Aligns two lists: equal items stay together, and where a stretch of the old list gave way to
 * a stretch of the new one, the items are paired in order (`pairable` says which may be: two
 * tables, two rows). Returns [old, new] pairs; a missing side is an addition or a removal.
 */
function align<T>(from: T[], to: T[], equal: (a: T, b: T) => boolean, pairable: (a: T, b: T) => boolean) {
  const pairs: [T | undefined, T | undefined][] = [];
  let removed: T[] = [];
  let added: T[] = [];
  const flush = () => {
    for (const old of removed) {
      const index = added.findIndex((fresh) => pairable(old, fresh));
      if (index < 0) pairs.push([old, undefined]);
      else {
        // Additions before the partner stay in their place.
        for (const fresh of added.splice(0, index)) pairs.push([undefined, fresh]);
        pairs.push([old, added.shift()]);
      }
    }
    for (const fresh of added) pairs.push([undefined, fresh]);
    removed = [];
    added = [];
  };
  let oldAt = 0;
  let newAt = 0;
  for (const part of diffArrays(from, to, { comparator: equal })) {
    const count = part.value.length;
    if (part.removed) removed.push(...from.slice(oldAt, (oldAt += count)));
    else if (part.added) added.push(...to.slice(newAt, (newAt += count)));
    else {
      flush();
      for (let i = 0; i < count; i++) pairs.push([from[oldAt + i], to[newAt + i]]);
      oldAt += count;
      newAt += count;
    }
  }
  flush();
  return pairs;
}

function compareCells(from: Cell | undefined, to: Cell | undefined): CellComparison {
  const header = (to ?? from)!.header;
  if (!from) return { header, change: "added", parts: [{ value: to!.text, change: "added" }] };
  if (!to) return { header, change: "removed", parts: [{ value: from.text, change: "removed" }] };
  if (from.text === to.text) return { header, change: "same", parts: [{ value: to.text, change: "same" }] };
  return { header, change: "changed", parts: compareTexts(from.text, to.text) };
}

function compareTables(from: Cell[][] | undefined, to: Cell[][] | undefined): BlockComparison {
  const rows = align(
    from ?? [],
    to ?? [],
    (a, b) => rowText(a) === rowText(b),
    () => true,
  ).map(([old, fresh]): RowComparison => {
    const width = Math.max(old?.length ?? 0, fresh?.length ?? 0);
    const cells = Array.from({ length: width }, (_, i) =>
      compareCells(old ? old[i] : undefined, fresh ? fresh[i] : undefined),
    );
    const change = !old ? "added" : !fresh ? "removed" : cells.every((c) => c.change === "same") ? "same" : "changed";
    return { change, cells };
  });
  const change = !from ? "added" : !to ? "removed" : rows.every((r) => r.change === "same") ? "same" : "changed";
  return { kind: "table", change, rows };
}

/**
 * How the current document differs from a version, block by block: the text between tables
 * word by word (as before), and each table as a table, its rows aligned and each cell compared
 * (a changed cell shows its words added and removed). A table whose first row is unchanged is
 * the same table edited; otherwise tables are paired in order within a changed stretch.
 */
export function compareDocuments(from: JSONContent, to: JSONContent): BlockComparison[] {
  const blocks: BlockComparison[] = [];
  let before: string[] = [];
  let after: string[] = [];
  const flushText = () => {
    if (before.length || after.length) {
      const parts = compareTexts(before.join("\n"), after.join("\n")).filter((part) => part.value);
      if (parts.length) blocks.push({ kind: "text", parts });
    }
    before = [];
    after = [];
  };
  const sameBlock = (a: Block, b: Block) =>
    a.kind === "text" && b.kind === "text"
      ? a.text === b.text
      : a.kind === "table" && b.kind === "table" && rowText(a.rows[0] ?? []) === rowText(b.rows[0] ?? []);
  const bothTables = (a: Block, b: Block) => a.kind === "table" && b.kind === "table";
  for (const [old, fresh] of align(blocksOf(from), blocksOf(to), sameBlock, bothTables)) {
    const table = (old ?? fresh)!.kind === "table";
    if (!table) {
      if (old?.kind === "text") before.push(old.text);
      if (fresh?.kind === "text") after.push(fresh.text);
      continue;
    }
    flushText();
    blocks.push(
      compareTables(old?.kind === "table" ? old.rows : undefined, fresh?.kind === "table" ? fresh.rows : undefined),
    );
  }
  flushText();
  return blocks;
}
