import type { JSONContent } from "@tiptap/core";

/**
 * What the DOCX and PDF converters of a plan's text (prosemirror-docx.ts, prosemirror-pdf.ts)
 * read from the editor's ProseMirror JSON the same way.
 */

/** The editor only creates these; anything else stored (javascript:, data:) becomes plain text. */
export const SAFE_LINK = /^(https?:|mailto:)/i;

/** A text node's marks by type, with their attributes. */
export const marksOf = (node: JSONContent) => new Map((node.marks ?? []).map((m) => [m.type, m.attrs ?? {}]));

/** The node's text, hard breaks as line breaks (a code block keeps its lines). */
export const textOf = (node: JSONContent): string =>
  node.text ?? (node.content ?? []).map((child) => (child.type === "hardBreak" ? "\n" : textOf(child))).join("");

/** Whether a node has blocks inside (a node a converter does not know keeps them), not just inline text. */
export const hasBlocks = (node: JSONContent) =>
  node.content?.some((child) => child.type !== "text" && child.type !== "hardBreak") ?? false;

/** How many columns a table cell spans, and rows. */
export const colspanOf = (cell: JSONContent) => Math.max(1, Number(cell.attrs?.colspan ?? 1));
export const rowspanOf = (cell: JSONContent) => Math.max(1, Number(cell.attrs?.rowspan ?? 1));

/** A table's rows (its tableRow children). */
export const rowsOf = (table: JSONContent) => (table.content ?? []).filter((row) => row.type === "tableRow");

/**
 * A table's column widths as shares of the width available (adding up to 1): the editor's
 * widths when every column of the first row has one, else equal columns.
 */
export function columnShares(table: JSONContent): number[] {
  const firstRow = rowsOf(table)[0]?.content ?? [];
  const count = Math.max(
    1,
    firstRow.reduce((sum, cell) => sum + colspanOf(cell), 0),
  );
  const given = firstRow.flatMap((cell) =>
    Array.isArray(cell.attrs?.colwidth)
      ? (cell.attrs.colwidth as unknown[]).map(Number)
      : Array<number>(colspanOf(cell)).fill(0),
  );
  const widths = given.length === count && given.every((w) => w > 0) ? given : Array<number>(count).fill(1);
  const total = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => w / total);
}

/** A first row made only of heading cells repeats on every page. */
export const hasHeadingRow = (table: JSONContent) =>
  (rowsOf(table)[0]?.content ?? []).every((cell) => cell.type === "tableHeader");

/** The number of an ordered list's item at `index`, as each level writes it: "1.", "a)", "i.". */
export function orderedMarker(level: number, number: number): string {
  if (level % 3 === 1) return `${alphabetic(number)})`;
  if (level % 3 === 2) return `${roman(number)}.`;
  return `${number}.`;
}

const alphabetic = (n: number): string =>
  n <= 0 ? String(n) : (n > 26 ? alphabetic(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(97 + ((n - 1) % 26));

function roman(n: number): string {
  const numerals: [number, string][] = [
    [1000, "m"],
    [900, "cm"],
    [500, "d"],
    [400, "cd"],
    [100, "c"],
    [90, "xc"],
    [50, "l"],
    [40, "xl"],
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"],
  ];
  let rest = n;
  let out = "";
  for (const [value, text] of numerals)
    while (rest >= value) {
      out += text;
      rest -= value;
    }
  return out || String(n);
}
