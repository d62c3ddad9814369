import type { JSONContent } from "@tiptap/core";
import type { Content, ContentText, TableCell } from "pdfmake/interfaces";
import { BODY, BULLETS, LIST_MM, POINTS, TIGHT_LINE, listIndentMm } from "./decree30-layout";
import { GRID_LAYOUT, TEXT_WIDTH, bodyParagraph, gridWidths, mm, sectionHeading } from "./decree30-pdf";
import {
  SAFE_LINK,
  colspanOf,
  columnShares,
  hasBlocks,
  hasHeadingRow,
  marksOf,
  orderedMarker,
  rowsOf,
  rowspanOf,
  textOf,
} from "./prosemirror-shared";

/**
 * A plan's text (ProseMirror JSON of lib/editor/extensions.ts) as pdfmake content in the body
 * style of Decree 30/2020/NĐ-CP, block for block as prosemirror-docx.ts writes it for Word:
 * headings, justified paragraphs with the first line indented, lists with "-" "+" "•" or
 * "1." "a)" "i." hanging in front, quotes set in, code line by line, rules, and tables with
 * merged cells. A node it does not know keeps its text, so nothing a planner wrote is dropped.
 */
export function proseMirrorToPdf(doc: JSONContent): Content[] {
  return blocks(doc.content ?? [], { width: TEXT_WIDTH, cell: null });
}

interface Context {
  /** Width available, in points. */
  width: number;
  /** Inside a table cell: whether it is a heading cell (bold). */
  cell: { bold: boolean } | null;
}

/** Inline runs of a paragraph. */
type Run = ContentText[];

function blocks(nodes: JSONContent[], ctx: Context, listLevel?: number): Content[] {
  return nodes.flatMap((node) => block(node, ctx, listLevel));
}

function block(node: JSONContent, ctx: Context, listLevel?: number): Content[] {
  switch (node.type) {
    case "paragraph":
      return [paragraph(inline(node.content, ctx), ctx, listLevel)];
    case "heading": {
      if (ctx.cell) return [cellText(inline(node.content, { ...ctx, cell: { bold: true } }))];
      return [{ ...sectionHeading("", Number(node.attrs?.level ?? 1) >= 3), text: inline(node.content, ctx) }];
    }
    case "bulletList":
    case "orderedList":
      return list(node, ctx, listLevel === undefined ? 0 : listLevel + 1);
    case "blockquote":
      return blocks(node.content ?? [], ctx, listLevel ?? -1);
    case "codeBlock":
      // Line by line and unjustified, so that the lines stay as written.
      return textOf(node)
        .split("\n")
        .map((text) =>
          ctx.cell
            ? cellText(text)
            : { text, preserveLeadingSpaces: true, margin: [mm(listIndentMm(0)), 0, 0, 0] as const },
        );
    case "horizontalRule":
      return [
        {
          canvas: [{ type: "line", x1: 0, y1: 0, x2: ctx.width, y2: 0, lineWidth: 0.75 }],
          margin: [0, 3, 0, 3],
        },
      ];
    case "table":
      return [table(node, ctx)];
    default:
      if (hasBlocks(node)) return blocks(node.content!, ctx, listLevel);
      return node.content?.length ? [paragraph(inline(node.content, ctx), ctx, listLevel)] : [];
  }
}

/** A paragraph inside a table cell: 13 pt, a little air above and below. */
const cellText = (text: ContentText["text"]): ContentText => ({
  text,
  fontSize: POINTS.table,
  lineHeight: TIGHT_LINE,
  margin: [0, 2, 0, 2],
});

/**
 * A body paragraph; inside a list item or a quote it is set in to the item's text (level −1: a
 * quote). An empty one keeps its line, as in Word.
 */
function paragraph(runs: Run, ctx: Context, listLevel?: number): Content {
  const text = runs.length ? runs : [{ text: "\u00a0" }];
  if (ctx.cell) return cellText(text);
  if (listLevel === undefined) return bodyParagraph(text);
  return {
    text,
    alignment: "justify",
    margin: [mm(listIndentMm(Math.max(0, listLevel))), BODY.beforePt, 0, 0],
  };
}

/**
 * A list: the first paragraph of each item carries the bullet or number hanging in front of
 * it, the item's other paragraphs are set in under it, and nested lists go one level deeper.
 */
function list(node: JSONContent, ctx: Context, level: number): Content[] {
  const ordered = node.type === "orderedList";
  const start = Number(node.attrs?.start ?? 1);
  const depth = Math.min(level, 2);
  return (node.content ?? []).flatMap((item, index) => {
    const children = blocks(item.content ?? [], ctx, level);
    const first = item.content?.[0];
    if (first?.type !== "paragraph") return children;
    const marker = ordered ? orderedMarker(depth, start + index) : BULLETS[depth]!;
    if (ctx.cell) {
      // A list's indents would eat a narrow column: in a cell the marker is text.
      children[0] = cellText([{ text: ordered ? `${start + index}. ` : "- " }, ...inline(first.content, ctx)]);
      return children;
    }
    const hanging = mm(LIST_MM.hanging);
    children[0] = {
      columns: [
        { width: hanging, text: marker },
        { width: "*", text: inline(first.content, ctx), alignment: "justify" },
      ],
      columnGap: 0,
      margin: [mm(listIndentMm(depth)) - hanging, BODY.beforePt, 0, 0],
    };
    return children;
  });
}

function inline(nodes: JSONContent[] | undefined, ctx: Context): Run {
  return (nodes ?? []).flatMap((node): Run => {
    if (node.type === "hardBreak") return [{ text: "\n" }];
    if (node.type !== "text") return inline(node.content, ctx);
    const marks = marksOf(node);
    const decoration = [
      ...(marks.has("underline") ? (["underline"] as const) : []),
      ...(marks.has("strike") ? (["lineThrough"] as const) : []),
    ];
    const href = String(marks.get("link")?.href ?? "");
    const link = marks.has("link") && SAFE_LINK.test(href);
    return [
      {
        text: node.text ?? "",
        bold: marks.has("bold") || ctx.cell?.bold || undefined,
        italics: marks.has("italic") || undefined,
        decoration: link ? "underline" : decoration.length ? [...decoration] : undefined,
        ...(link ? { link: href, color: "#0000FF" } : {}),
        ...(ctx.cell ? { fontSize: POINTS.table } : {}),
      },
    ];
  });
}

/**
 * A table of the text: column widths from the editor's (when every column has one) as shares of
 * the width available, merged cells kept (pdfmake wants an empty cell where a merged one
 * reaches), heading cells bold and a heading row repeated on every page.
 */
function table(node: JSONContent, ctx: Context): Content {
  const shares = columnShares(node);
  const widths = gridWidths(shares, ctx.width);
  const count = widths.length;
  /** For each column, how many more rows a cell from above still covers. */
  const covered = Array<number>(count).fill(0);
  const body = rowsOf(node).map((row) => {
    const cells: TableCell[] = [];
    const skipCovered = () => {
      while (cells.length < count && covered[cells.length]! > 0) {
        covered[cells.length]!--;
        cells.push({});
      }
    };
    for (const cell of row.content ?? []) {
      skipCovered();
      const column = cells.length;
      if (column >= count) break;
      const span = Math.min(colspanOf(cell), count - column);
      const rows = rowspanOf(cell);
      const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
      const content = blocks(cell.content ?? [], { width, cell: { bold: cell.type === "tableHeader" } });
      cells.push({
        stack: content.length ? content : [cellText("")],
        ...(span > 1 ? { colSpan: span } : {}),
        // pdfmake 0.3.11 draws a cell spanning rows far below the table when asked to centre it.
        ...(rows > 1 ? { rowSpan: rows } : { verticalAlignment: "middle" }),
      });
      for (let i = 0; i < span; i++) {
        if (i > 0) cells.push({});
        covered[column + i] = rows - 1;
      }
    }
    skipCovered();
    while (cells.length < count) cells.push({});
    return cells;
  });
  return {
    table: {
      ...(hasHeadingRow(node) ? { headerRows: 1, keepWithHeaderRows: 1 } : {}),
      dontBreakRows: true,
      widths,
      body,
    },
    layout: GRID_LAYOUT,
    margin: [0, BODY.beforePt, 0, 0],
  };
}
