import type { Content, ContentText, CustomTableLayout, TDocumentDefinitions, TableCell } from "pdfmake/interfaces";
import {
  BODY,
  HEADER_LEFT_MM,
  HEADING,
  PAGE_MM,
  POINTS,
  RULE_MM,
  SIGNATURE,
  TEXT_WIDTH_MM,
  TIGHT_LINE,
} from "./decree30-layout";
import { vietnameseDate } from "./decree30";
import type { Column, DocumentHeader, Row } from "./official-document";
import { PDF_FONT } from "./pdf-fonts";
import type { Signer } from "./signer";

/**
 * The building blocks of decree30.ts drawn for pdfmake, from the same measurements
 * (decree30-layout.ts): A4, the Decree's margins, the header with the national motto, the
 * title, the signature block, annexes and data tables. pdfmake measures in points.
 */

/** Millimetres to points. */
export const mm = (millimetres: number) => (millimetres * 72) / 25.4;
export const TEXT_WIDTH = mm(TEXT_WIDTH_MM);
const HEADER_COLUMNS = [mm(HEADER_LEFT_MM), TEXT_WIDTH - mm(HEADER_LEFT_MM)] as const;
/** Rules as thick as the DOCX's borders (6 eighths of a point). */
const RULE_WIDTH = 0.75;
/** A table's lines as thin as the DOCX's grid (4 eighths of a point), and its cells' padding (3,5 pt by 2 pt). */
const GRID = { line: 0.5, padX: 3.5, padY: 2 } as const;

/** The room a heading keeps for what follows it on its page: three lines of body text. */
const KEEP_ROOM = 3 * POINTS.body * BODY.lineHeight;

/** The page, the default text style (14 pt, lines of 1.2) and the page number at the top centre from page 2 on. */
export function pdfPage(): Pick<
  TDocumentDefinitions,
  "pageSize" | "pageMargins" | "defaultStyle" | "header" | "pageBreakBefore"
> {
  const { margin } = PAGE_MM;
  return {
    pageSize: "A4",
    pageMargins: [mm(margin.left), mm(margin.top), mm(margin.right), mm(margin.bottom)],
    defaultStyle: { font: PDF_FONT, fontSize: POINTS.body, lineHeight: BODY.lineHeight },
    header: (page: number) =>
      page === 1
        ? null
        : {
            text: String(page),
            alignment: "center",
            fontSize: POINTS.pageNumber,
            lineHeight: TIGHT_LINE,
            margin: [0, mm(PAGE_MM.header), 0, 0],
          },
    // A heading (or a table's unit line) never ends a page: unless what follows it starts below
    // it on its page with room for about three lines, it moves to the next page (Word's "keep
    // with next"). pdfmake asks line by line from the top, so a heading over a unit line moves
    // with it. (The rows of a table record where they were tried, not where a page break put
    // them, hence the room rather than "something follows on the page".)
    pageBreakBefore: (node, queries) => {
      if (node.headlineLevel !== 1 || node.pageNumbers.length !== 1) return false;
      const { pageNumber, top, pageInnerHeight } = node.startPosition;
      const next = queries
        .getFollowingNodesOnPage()
        .find((n) => n.headlineLevel !== 1 && n.startPosition.pageNumber === pageNumber && n.startPosition.top > top);
      return !next || next.startPosition.top + KEEP_ROOM > mm(margin.top) + pageInnerHeight;
    },
  };
}

interface LineStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  alignment?: "left" | "center" | "right";
  before?: number;
  after?: number;
}

/** A line of text, centred unless told otherwise, with no space around it unless asked (points). */
export function line(text: string, style: LineStyle = {}): ContentText {
  const { alignment = "center", before = 0, after = 0, size, bold, italics } = style;
  return { text, bold, italics, fontSize: size, alignment, lineHeight: TIGHT_LINE, margin: [0, before, 0, after] };
}

/** A short solid rule centred in a column (the Decree draws one under the issuer, the motto and the summary). */
export function rule(width: number, column: number): Content {
  const x = Math.max(0, (column - width) / 2);
  return {
    canvas: [{ type: "line", x1: x, y1: 0, x2: x + width, y2: 0, lineWidth: RULE_WIDTH }],
    margin: [0, 2, 0, 0],
  };
}

/**
 * The top of the first page: the governing body and the issuer (bold) with a rule under it and
 * "Số: …" on the left; the national name and motto with a rule under it and the place and date
 * in italics on the right, level with the number.
 */
export function documentHeader({ issuer, reference, date, year }: DocumentHeader): Content[] {
  const size = POINTS.header;
  const left: Content[] = [
    ...(issuer.governing ? [line(issuer.governing, { size })] : []),
    ...issuer.name.map((text) => line(text, { bold: true, size })),
    rule(mm(RULE_MM.issuer), HEADER_COLUMNS[0]),
  ];
  const right: Content[] = [
    line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size }),
    line("Độc lập - Tự do - Hạnh phúc", { bold: true, size: POINTS.motto }),
    rule(mm(RULE_MM.motto), HEADER_COLUMNS[1]),
  ];
  return [
    sideBySide(HEADER_COLUMNS, left, right),
    sideBySide(
      HEADER_COLUMNS,
      [line(`Số: ${reference}`, { size: POINTS.number, before: 6 })],
      [line(`${issuer.place}, ${vietnameseDate(date, year)}`, { italics: true, before: 6 })],
    ),
  ];
}

/** Two columns of the given widths, side by side, kept on one page. */
function sideBySide(widths: readonly [number, number], left: Content[], right: Content[]): Content {
  return {
    columns: [
      { width: widths[0], stack: left },
      { width: widths[1], stack: right },
    ],
    columnGap: 0,
    unbreakable: true,
  };
}

/** "KẾ HOẠCH" and the summary (trích yếu) under it, bold and centred, with a short rule below. */
export function documentTitle(kind: string, summary: string): Content[] {
  return [
    line(kind, { bold: true, before: 18 }),
    line(summary, { bold: true }),
    rule(mm(RULE_MM.title), TEXT_WIDTH),
    { text: "", margin: [0, 6, 0, 0] },
  ];
}

/** A heading of the body: bold, justified, kept with what follows. */
export const sectionHeading = (text: string, italics = false): ContentText => ({
  text,
  bold: true,
  italics,
  alignment: "justify",
  headlineLevel: 1,
  margin: [0, HEADING.beforePt, 0, HEADING.afterPt],
});

/** A body paragraph: justified, the first line indented, 6 pt above. */
export const bodyParagraph = (text: ContentText["text"]): ContentText => ({
  text,
  alignment: "justify",
  leadingIndent: mm(BODY.firstLineIndentMm),
  margin: [0, BODY.beforePt, 0, 0],
});

/** The end of the main text: the recipients on the left, the signer's position, room to sign and name on the right. */
export function signatureBlock(signer: Signer, recipients: string[] = ["Như trên;", "Lưu: VT."]): Content {
  const left = mm(SIGNATURE.leftMm);
  return {
    columns: [
      {
        width: left,
        stack: [
          line("Nơi nhận:", { bold: true, italics: true, size: POINTS.recipientsTitle, alignment: "left" }),
          ...recipients.map((text) => line(`- ${text}`, { size: POINTS.recipients, alignment: "left" })),
        ],
      },
      {
        width: TEXT_WIDTH - left,
        stack: [
          ...signer.position.map((text) => line(text, { bold: true })),
          line(signer.name, { bold: true, before: mm(SIGNATURE.roomMm) }),
        ],
      },
    ],
    columnGap: 0,
    unbreakable: true,
    margin: [0, 12, 0, 0],
  };
}

/** An annex (phụ lục) on a new page: "Phụ lục I", its title and the document it comes with, then a rule. */
export function annexHeading(numeral: string, title: string, attachedTo: string): Content[] {
  return [
    { ...line(`Phụ lục ${numeral}`, { bold: true }), pageBreak: "before" },
    line(title, { bold: true }),
    line(`(${attachedTo})`, { italics: true }),
    rule(mm(RULE_MM.title), TEXT_WIDTH),
    { text: "", margin: [0, 3, 0, 0] },
  ];
}

/** The line above a table on the right that states its unit ("Đơn vị tính: triệu đồng"), in italics. */
export const tableNote = (text: string): Content => ({
  ...line(text, { italics: true, size: POINTS.annexTable, alignment: "right", before: 3, after: 2 }),
  headlineLevel: 1,
});

/** Thin black lines around and between every cell, as data tables of official documents have. */
export const GRID_LAYOUT: CustomTableLayout = {
  hLineWidth: () => GRID.line,
  vLineWidth: () => GRID.line,
  paddingLeft: () => GRID.padX,
  paddingRight: () => GRID.padX,
  paddingTop: () => GRID.padY,
  paddingBottom: () => GRID.padY,
};

/**
 * Column widths for pdfmake, which counts them without the cells' padding and lines: the
 * shares of `width` left once those are taken off.
 */
export function gridWidths(shares: number[], width = TEXT_WIDTH): number[] {
  const room = width - shares.length * 2 * GRID.padX - (shares.length + 1) * GRID.line;
  return shares.map((share) => share * room);
}

/**
 * A data table over the text's width: a bold centred heading row repeated on every page, then
 * the rows, never split across pages; rows marked `total` are bold ("Tổng cộng").
 */
export function dataTable(columns: Column[], rows: Row[]): Content {
  const size = POINTS.annexTable;
  const cell = (text: string, align: Column["align"], bold?: boolean): TableCell => ({
    text,
    bold,
    fontSize: size,
    lineHeight: TIGHT_LINE,
    alignment: align ?? "left",
    verticalAlignment: "middle",
  });
  return {
    table: {
      headerRows: 1,
      // The heading row never ends a page alone.
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: gridWidths(columns.map((c) => c.share)),
      body: [
        columns.map((c) => cell(c.label, "center", true)),
        ...rows.map((row) => row.cells.map((text, i) => cell(text, columns[i]?.align, row.total))),
      ],
    },
    layout: GRID_LAYOUT,
  };
}
