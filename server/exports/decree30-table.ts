import {
  AlignmentType,
  BorderStyle,
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
import { SIZE, TEXT_WIDTH, lines } from "./decree30";
import { TIGHT_LINE } from "./decree30-layout";
import type { Column, Row } from "./official-document";

/** Data tables of an official document for Word: thin black grid, bold heading row repeated on every page. */

/** The line above a table on the right that states its unit ("Đơn vị tính: triệu đồng"), in italics. */
export const tableNote = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.RIGHT,
    keepNext: true,
    spacing: { before: 60, after: 40, line: lines(TIGHT_LINE) },
    children: [new TextRun({ text, italics: true, size: SIZE.annexTable })],
  });

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** Thin black borders on every side and between cells, as data tables of official documents have. */
export const GRID_BORDERS = {
  top: { style: BorderStyle.SINGLE, size: 4, color: "000000" },
  bottom: { style: BorderStyle.SINGLE, size: 4, color: "000000" },
  left: { style: BorderStyle.SINGLE, size: 4, color: "000000" },
  right: { style: BorderStyle.SINGLE, size: 4, color: "000000" },
  insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: "000000" },
  insideVertical: { style: BorderStyle.SINGLE, size: 4, color: "000000" },
};

/** A paragraph inside a table cell: no indent, a little air above and below. */
export const cellParagraph = (
  children: ParagraphChild[],
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT,
) => new Paragraph({ alignment, spacing: { before: 40, after: 40, line: lines(TIGHT_LINE) }, children });

/**
 * A data table over the text's width: a bold centred heading row repeated on every page, then
 * the rows; rows marked `total` are bold ("Tổng cộng").
 */
export function dataTable(columns: Column[], rows: Row[]): Table {
  const size = SIZE.annexTable;
  const widths = columns.map((c) => Math.round(c.share * TEXT_WIDTH));
  const row = (cells: string[], style: { bold?: boolean; heading?: boolean }) =>
    new TableRow({
      tableHeader: style.heading,
      cantSplit: true,
      children: cells.map(
        (text, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            children: [
              cellParagraph(
                [new TextRun({ text, bold: style.bold, size })],
                style.heading ? AlignmentType.CENTER : ALIGN[columns[i]?.align ?? "left"],
              ),
            ],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    // Narrower side margins than Word's 0.19 cm leave room for "20.586 tỷ đồng" on one line.
    margins: { left: 70, right: 70 },
    rows: [
      row(
        columns.map((c) => c.label),
        { bold: true, heading: true },
      ),
      ...rows.map((r) => row(r.cells, { bold: r.total })),
    ],
  });
}
