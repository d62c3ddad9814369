import {
  AlignmentType,
  BorderStyle,
  Document,
  type FileChild,
  Header,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
} from "docx";
import {
  BODY,
  BULLETS,
  FONT,
  HEADER_LEFT_MM,
  HEADING,
  LIST_MM,
  PAGE_MM,
  POINTS,
  RULE_MM,
  SIGNATURE,
  TIGHT_LINE,
} from "./decree30-layout";
import type { IssuingBody } from "./issuing-body";
import type { Signer } from "./signer";

/**
 * Building blocks of an administrative document in the layout of Decree 30/2020/NĐ-CP
 * (Appendix I): A4 portrait, Times New Roman, the issuing body and the national motto side by
 * side at the top, the number and symbol opposite the place and date, the kind of document
 * and its summary centred, and the signature block opposite the recipients.
 */

export { FONT };

/** Font sizes in half-points, as Word stores them (POINTS in decree30-layout.ts). */
export const SIZE = Object.fromEntries(Object.entries(POINTS).map(([k, pt]) => [k, pt * 2])) as {
  [K in keyof typeof POINTS]: number;
};

/** Millimetres to twips, rounded as Word rounds (20 mm → 1134). */
export const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
/** Points to twips. */
const pt = (points: number) => points * 20;
/** A line height as Word's "auto" spacing (240 = single). */
export const lines = (height: number) => Math.round(height * 240);

/** A4 with the Decree's margins, in twips. */
export const PAGE = {
  width: mm(PAGE_MM.width),
  height: mm(PAGE_MM.height),
  margin: {
    top: mm(PAGE_MM.margin.top),
    bottom: mm(PAGE_MM.margin.bottom),
    left: mm(PAGE_MM.margin.left),
    right: mm(PAGE_MM.margin.right),
  },
} as const;
/** The width text may take between the margins (165 mm). */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/** Numbering definitions of the body's lists (see prosemirror-docx.ts). */
export const LIST = { bullet: "decree30-bullet", ordered: "decree30-ordered" } as const;

/** Body paragraphs: justified, first line indented 1 cm, at least 6 pt between paragraphs, 1.2 lines. */
export const BODY_PARAGRAPH = {
  spacing: { before: pt(BODY.beforePt), after: 0, line: lines(BODY.lineHeight) },
  indent: { firstLine: mm(BODY.firstLineIndentMm) },
  alignment: AlignmentType.JUSTIFIED,
} as const;

const NO_BORDERS = TableBorders.NONE;

const ORDERED = [
  { format: LevelFormat.DECIMAL, text: "%1." },
  { format: LevelFormat.LOWER_LETTER, text: "%2)" },
  { format: LevelFormat.LOWER_ROMAN, text: "%3." },
];

/** Where the text of a list item at `level` starts; its number or bullet hangs to the left of it. */
export const listIndent = (level: number) => mm(LIST_MM.indent) + level * mm(LIST_MM.step);
const levelStyle = (level: number) => ({
  paragraph: { indent: { left: listIndent(level), hanging: mm(LIST_MM.hanging) } },
});

/** The levels of an ordered list, the first counting from `start` (an ordered list may start at 3). */
export const orderedLevels = (start = 1) =>
  ORDERED.map((l, level) => ({
    level,
    ...l,
    start: level === 0 ? start : 1,
    alignment: AlignmentType.LEFT,
    style: levelStyle(level),
  }));

/**
 * The whole document: styles (Times New Roman everywhere, black headings), list numbering and
 * one A4 section whose pages from the second on carry their number at the top centre, as the
 * Decree asks (the first page has none).
 */
export function decree30Document(input: { title: string; subject?: string; children: FileChild[] }): Document {
  const heading = (size: number, italics = false) => ({
    run: { font: FONT, size, bold: true, italics, color: "000000" },
    paragraph: {
      spacing: { before: pt(HEADING.beforePt), after: pt(HEADING.afterPt), line: lines(BODY.lineHeight) },
      keepNext: true,
      keepLines: true,
      alignment: AlignmentType.JUSTIFIED,
    },
  });
  return new Document({
    creator: "Chung Tay",
    title: input.title,
    subject: input.subject,
    // A line ended by a line break (Shift+Enter) in a justified paragraph stays unstretched.
    compatibility: { doNotExpandShiftReturn: true },
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE.body }, paragraph: { spacing: { line: lines(BODY.lineHeight) } } },
        heading1: heading(SIZE.body),
        heading2: heading(SIZE.body),
        heading3: heading(SIZE.body, true),
        listParagraph: { run: { font: FONT, size: SIZE.body } },
        hyperlink: { run: { font: FONT, color: "0000FF", underline: { type: UnderlineType.SINGLE } } },
      },
    },
    numbering: {
      config: [
        {
          reference: LIST.bullet,
          levels: BULLETS.map((text, level) => ({
            level,
            format: LevelFormat.BULLET,
            text,
            alignment: AlignmentType.LEFT,
            style: levelStyle(level),
          })),
        },
        { reference: LIST.ordered, levels: orderedLevels() },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, header: mm(PAGE_MM.header), footer: mm(PAGE_MM.header) },
          },
          titlePage: true,
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE.pageNumber })],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({})] }),
        },
        children: input.children,
      },
    ],
  });
}

export const toBuffer = (document: Document): Promise<Buffer> => Packer.toBuffer(document);

type RunStyle = { bold?: boolean; italics?: boolean; size?: number };

/**
 * A paragraph of one run, centred unless told otherwise, no space around it unless asked, and
 * lines of 1.1 so that stacked Vietnamese diacritics (Ế, Ộ) are not clipped.
 */
export function line(
  text: string,
  style: RunStyle & {
    alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
    before?: number;
    after?: number;
  } = {},
): Paragraph {
  const { alignment = AlignmentType.CENTER, before = 0, after = 0, ...run } = style;
  return new Paragraph({
    alignment,
    spacing: { before, after, line: lines(TIGHT_LINE) },
    children: [new TextRun({ text, ...run })],
  });
}

/**
 * A short solid rule centred in a column, drawn as the bottom border of an empty paragraph
 * narrowed by indents (the Decree draws one under the issuer's name, the motto and the summary).
 */
export function rule(width: number, column: number): Paragraph {
  const indent = Math.max(0, Math.round((column - width) / 2));
  return new Paragraph({
    indent: { left: indent, right: indent },
    spacing: { before: 0, after: 0, line: 240 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [new TextRun({ text: "", size: 2 })],
  });
}

const cell = (width: number, children: Paragraph[]) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });

/** A borderless two-column layout table of the text's full width, its rows never split across pages. */
function sideBySide(widths: [number, number], rows: [Paragraph[], Paragraph[]][]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: { left: 0, right: 0 },
    rows: rows.map(
      ([left, right]) => new TableRow({ cantSplit: true, children: [cell(widths[0], left), cell(widths[1], right)] }),
    ),
  });
}

/** The header's columns (HEADER_LEFT_MM); the layout table has no cell margins, so the columns are the text's widths. */
const HEADER_COLUMNS: [number, number] = [mm(HEADER_LEFT_MM), TEXT_WIDTH - mm(HEADER_LEFT_MM)];

/** "ngày 05 tháng 3 năm 2025": the Decree pads days below 10 and the months January and February with a zero. */
export function vietnameseDate(date: Date | null, year: number): string {
  if (!date) return `ngày … tháng … năm ${year}`;
  const day = date.getUTCDate();
  const month = date.getUTCMonth() + 1;
  return `ngày ${String(day).padStart(2, "0")} tháng ${month < 3 ? `0${month}` : month} năm ${date.getUTCFullYear()}`;
}

/**
 * The top of the first page: on the left the governing body (capitals), the issuer (bold
 * capitals) with a rule under it and "Số: 2543/KH-SGDĐT"; on the right the national motto with
 * a rule under "Độc lập - Tự do - Hạnh phúc" and, level with the number, the place and date in
 * italics. `date` is a calendar date (UTC midnight, as stored); null leaves day and month blank.
 */
export function documentHeader(input: {
  issuer: IssuingBody;
  reference: string;
  date: Date | null;
  year: number;
}): Table {
  const { issuer } = input;
  const size = SIZE.header;
  const left = [
    ...(issuer.governing ? [line(issuer.governing, { size })] : []),
    ...issuer.name.map((text) => line(text, { bold: true, size })),
    rule(mm(RULE_MM.issuer), HEADER_COLUMNS[0]),
  ];
  const right = [
    line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size }),
    line("Độc lập - Tự do - Hạnh phúc", { bold: true, size: SIZE.motto }),
    rule(mm(RULE_MM.motto), HEADER_COLUMNS[1]),
  ];
  return sideBySide(HEADER_COLUMNS, [
    [left, right],
    [
      [line(`Số: ${input.reference}`, { size: SIZE.number, before: 120 })],
      [
        line(`${issuer.place}, ${vietnameseDate(input.date, input.year)}`, {
          italics: true,
          size: SIZE.body,
          before: 120,
        }),
      ],
    ],
  ]);
}

/** "KẾ HOẠCH" and the summary (trích yếu) under it, bold and centred, with a short rule below. */
export function documentTitle(kind: string, summary: string): Paragraph[] {
  return [
    line(kind, { bold: true, size: SIZE.body, before: 360 }),
    line(summary, { bold: true, size: SIZE.body, before: 0 }),
    rule(mm(RULE_MM.title), TEXT_WIDTH),
    new Paragraph({ spacing: { before: 120, after: 0 } }),
  ];
}

/** The end of the main text: the recipients on the left, the signer's position, room to sign and name on the right. */
export function signatureBlock(signer: Signer, recipients: string[] = ["Như trên;", "Lưu: VT."]): FileChild[] {
  const columns: [number, number] = [mm(SIGNATURE.leftMm), TEXT_WIDTH - mm(SIGNATURE.leftMm)];
  const left = [
    line("Nơi nhận:", { bold: true, italics: true, size: SIZE.recipientsTitle, alignment: AlignmentType.LEFT }),
    ...recipients.map((text) => line(`- ${text}`, { size: SIZE.recipients, alignment: AlignmentType.LEFT })),
  ];
  const right = [
    ...signer.position.map((text) => line(text, { bold: true, size: SIZE.body })),
    line(signer.name, { bold: true, size: SIZE.body, before: mm(SIGNATURE.roomMm) }),
  ];
  return [new Paragraph({ spacing: { before: 240, after: 0 }, keepNext: true }), sideBySide(columns, [[left, right]])];
}

/** A heading of the body: bold, kept with what follows. */
export const sectionHeading = (text: string) =>
  new Paragraph({
    keepNext: true,
    spacing: { before: pt(HEADING.beforePt), after: pt(HEADING.afterPt), line: lines(BODY.lineHeight) },
    alignment: AlignmentType.JUSTIFIED,
    children: [new TextRun({ text, bold: true })],
  });

/** A body paragraph of plain text. */
export const bodyParagraph = (children: string | ParagraphChild[]) =>
  new Paragraph({ ...BODY_PARAGRAPH, children: typeof children === "string" ? [new TextRun(children)] : children });

/**
 * An annex (phụ lục) on a new page: "Phụ lục I", its title and the document it comes with,
 * as the Decree heads annexes.
 */
export function annexHeading(numeral: string, title: string, attachedTo: string): Paragraph[] {
  return [
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0 },
      children: [new TextRun({ text: `Phụ lục ${numeral}`, bold: true })],
    }),
    line(title, { bold: true, size: SIZE.body }),
    line(`(${attachedTo})`, { italics: true, size: SIZE.body, after: 0 }),
    rule(mm(RULE_MM.title), TEXT_WIDTH),
    new Paragraph({ spacing: { before: 60, after: 0 } }),
  ];
}
