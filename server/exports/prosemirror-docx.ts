import type { JSONContent } from "@tiptap/core";
import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  type FileChild,
  HeadingLevel,
  type IRunOptions,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { BODY_PARAGRAPH, LIST, SIZE, TEXT_WIDTH, listIndent, orderedLevels } from "./decree30";
import { GRID_BORDERS, cellParagraph } from "./decree30-table";
import {
  SAFE_LINK,
  colspanOf,
  columnShares,
  hasBlocks,
  hasHeadingRow,
  marksOf,
  rowsOf,
  textOf,
} from "./prosemirror-shared";

/**
 * A plan's text (ProseMirror JSON of the schema in lib/editor/extensions.ts: headings 1–3,
 * paragraphs, bullet and ordered lists, tables, blockquotes, code blocks, rules, hard breaks;
 * bold, italic, underline, strike, code and links) as Word paragraphs and tables in the body
 * style of Decree 30/2020/NĐ-CP. A node this converter does not know keeps its text as
 * paragraphs, so nothing a planner wrote is dropped from the official copy.
 */
export function proseMirrorToDocx(doc: JSONContent): FileChild[] {
  return blocks(doc.content ?? [], { width: TEXT_WIDTH, cell: null, lists: { count: 0 } });
}

interface Context {
  /** Width available to tables, in twips. */
  width: number;
  /** Inside a table cell: its runs' size and whether it is a heading cell. */
  cell: { size: number; bold: boolean } | null;
  /** Every ordered list is a numbering instance of its own, so each counts from its start. */
  lists: { count: number };
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function blocks(nodes: JSONContent[], ctx: Context, listLevel?: number): FileChild[] {
  return nodes.flatMap((node) => block(node, ctx, listLevel));
}

function block(node: JSONContent, ctx: Context, listLevel?: number): FileChild[] {
  switch (node.type) {
    case "paragraph":
      return [paragraph(inline(node.content, ctx), ctx, listLevel)];
    case "heading": {
      if (ctx.cell) return [cellParagraph(inline(node.content, { ...ctx, cell: { ...ctx.cell, bold: true } }))];
      const level = Number(node.attrs?.level ?? 1) as keyof typeof HEADINGS;
      return [
        new Paragraph({ heading: HEADINGS[level] ?? HeadingLevel.HEADING_3, children: inline(node.content, ctx) }),
      ];
    }
    case "bulletList":
    case "orderedList":
      return list(node, ctx, listLevel === undefined ? 0 : listLevel + 1);
    case "blockquote":
      // Quoted text is set in from the left like a list item's text.
      return blocks(node.content ?? [], ctx, listLevel ?? -1);
    case "codeBlock":
      // Line by line and unjustified, so that the lines stay as written.
      return textOf(node)
        .split("\n")
        .map((text) =>
          ctx.cell
            ? cellParagraph([new TextRun({ text, size: ctx.cell.size })])
            : new Paragraph({
                spacing: { before: 0, after: 0 },
                indent: { left: listIndent(0) },
                children: [new TextRun(text)],
              }),
        );
    case "horizontalRule":
      return [
        new Paragraph({
          spacing: { before: 60, after: 60 },
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
        }),
      ];
    case "table":
      return [table(node, ctx)];
    default:
      // A node this converter does not know: keep its blocks, or its text as a paragraph.
      if (hasBlocks(node)) return blocks(node.content!, ctx, listLevel);
      return node.content?.length ? [paragraph(inline(node.content, ctx), ctx, listLevel)] : [];
  }
}

/** A body paragraph; inside a list item or a quote it is set in to the item's text (level −1: a quote). */
function paragraph(children: ParagraphChild[], ctx: Context, listLevel?: number): Paragraph {
  if (ctx.cell) return cellParagraph(children);
  if (listLevel === undefined) return new Paragraph({ ...BODY_PARAGRAPH, children });
  return new Paragraph({ ...BODY_PARAGRAPH, indent: { left: listIndent(Math.max(0, listLevel)) }, children });
}

/**
 * A list: the first paragraph of each item carries the bullet or number, the item's other
 * paragraphs are set in under it, and nested lists go one level deeper.
 */
function list(node: JSONContent, ctx: Context, level: number): FileChild[] {
  const ordered = node.type === "orderedList";
  const start = Number(node.attrs?.start ?? 1);
  const reference = !ordered
    ? LIST.bullet
    : start === 1
      ? LIST.ordered
      : { reference: `${LIST.ordered}-${start}`, levels: orderedLevels(start) };
  const instance = ordered ? ++ctx.lists.count : 0;
  const depth = Math.min(level, 2);
  return (node.content ?? []).flatMap((item) => {
    const children = blocks(item.content ?? [], ctx, level);
    const first = item.content?.[0];
    if (first?.type === "paragraph" && !ctx.cell) {
      children[0] = new Paragraph({
        ...BODY_PARAGRAPH,
        indent: undefined,
        numbering: { reference, level: depth, instance },
        children: inline(first.content, ctx),
      });
    } else if (first?.type === "paragraph" && ctx.cell) {
      // A list's indents (1.5 cm and more) would eat a narrow column: in a cell the marker is text.
      const marker = ordered ? `${start + (node.content ?? []).indexOf(item)}. ` : "- ";
      children[0] = cellParagraph([
        new TextRun({ text: marker, size: ctx.cell.size, bold: ctx.cell.bold }),
        ...inline(first.content, ctx),
      ]);
    }
    return children;
  });
}

function inline(nodes: JSONContent[] | undefined, ctx: Context): ParagraphChild[] {
  return (nodes ?? []).flatMap((node): ParagraphChild[] => {
    if (node.type === "hardBreak") return [new TextRun({ break: 1 })];
    if (node.type !== "text") return inline(node.content, ctx);
    const marks = marksOf(node);
    const run: IRunOptions = {
      text: node.text ?? "",
      bold: marks.has("bold") || ctx.cell?.bold || undefined,
      italics: marks.has("italic") || undefined,
      underline: marks.has("underline") ? {} : undefined,
      strike: marks.has("strike") || undefined,
      size: ctx.cell?.size,
    };
    const href = String(marks.get("link")?.href ?? "");
    if (marks.has("link") && SAFE_LINK.test(href))
      return [new ExternalHyperlink({ link: href, children: [new TextRun({ ...run, style: "Hyperlink" })] })];
    return [new TextRun(run)];
  });
}

/**
 * A table of the text: column widths from the editor's (when every column has one) scaled to
 * the width available, merged cells kept, heading cells bold.
 */
function table(node: JSONContent, ctx: Context): Table {
  const rows = rowsOf(node);
  const widths = columnShares(node).map((share) => Math.floor(share * ctx.width));

  return new Table({
    width: { size: ctx.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    alignment: AlignmentType.CENTER,
    rows: rows.map((row, r) => {
      let column = 0;
      return new TableRow({
        tableHeader: r === 0 && hasHeadingRow(node),
        children: (row.content ?? []).map((cell) => {
          const columns = colspanOf(cell);
          const width = widths.slice(column, column + columns).reduce((a, b) => a + b, 0) || widths[0]!;
          column += columns;
          const inner: Context = {
            ...ctx,
            width: width - 216,
            cell: { size: SIZE.table, bold: cell.type === "tableHeader" },
          };
          const children = blocks(cell.content ?? [], inner).filter(
            (child): child is Paragraph | Table => child instanceof Paragraph || child instanceof Table,
          );
          return new TableCell({
            width: { size: width, type: WidthType.DXA },
            columnSpan: columns > 1 ? columns : undefined,
            rowSpan: Number(cell.attrs?.rowspan ?? 1) > 1 ? Number(cell.attrs?.rowspan) : undefined,
            verticalAlign: VerticalAlignTable.CENTER,
            children: children.length ? children : [cellParagraph([])],
          });
        }),
      });
    }),
  });
}
