/**
 * The measurements of the layout of Decree 30/2020/NĐ-CP (Appendix I) that every rendering of
 * an official document shares, in millimetres and points: the DOCX (decree30.ts) and the PDF
 * (decree30-pdf.ts) are both drawn from these, so that the two print alike.
 */

/** Times New Roman, as the Decree asks; the PDF embeds Tinos, drawn to the same metrics (pdf-fonts.ts). */
export const FONT = "Times New Roman";

/**
 * Font sizes in points, within the Decree's ranges: body 13–14; issuer names and the national
 * name 12–13 (12, so that "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" stays on one line beside the
 * issuer); the motto 13–14; recipients 12 and 11.
 */
export const POINTS = {
  body: 14,
  header: 12,
  motto: 13,
  number: 13,
  pageNumber: 13,
  table: 13,
  annexTable: 12,
  recipientsTitle: 12,
  recipients: 11,
} as const;

/** A4 with the margins of the Decree (top 20–25, bottom 20–25, left 30–35, right 15–20 mm): the narrow ends. */
export const PAGE_MM = {
  width: 210,
  height: 297,
  margin: { top: 20, bottom: 20, left: 30, right: 15 },
  /** From the top edge to the page number of the second and later pages. */
  header: 10,
} as const;
/** The width text may take between the margins. */
export const TEXT_WIDTH_MM = PAGE_MM.width - PAGE_MM.margin.left - PAGE_MM.margin.right;

/** Body paragraphs: justified, the first line indented 1 cm, 6 pt above, lines of 1.2. */
export const BODY = { beforePt: 6, lineHeight: 1.2, firstLineIndentMm: 10 } as const;
/** Lines of the header, titles and cells: 1.1, so that stacked diacritics (Ế, Ộ) are not clipped. */
export const TIGHT_LINE = 1.1;
/** Headings of the body: 9 pt above, 3 pt below, kept with what follows. */
export const HEADING = { beforePt: 9, afterPt: 3 } as const;

/**
 * The header's columns: the issuer on the left (7 cm, room for "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" on
 * one line), the national name and motto on the right (the rest, 9.5 cm).
 */
export const HEADER_LEFT_MM = 70;
/** The signature block: recipients on the left (7.5 cm), the signer on the right, about 3 cm left to sign and seal. */
export const SIGNATURE = { leftMm: 75, roomMm: 30 } as const;
/**
 * The short solid rules: under the issuer, under the motto (as long as the motto itself, as the
 * Decree asks), and under a title or an annex heading.
 */
export const RULE_MM = { issuer: 22, motto: 56, title: 30 } as const;
/** Lists: the text of a first-level item starts 1.5 cm in, each level 8 mm further; the marker hangs 5 mm. */
export const LIST_MM = { indent: 15, step: 8, hanging: 5 } as const;
/** Where the text of a list item at `level` starts. */
export const listIndentMm = (level: number) => LIST_MM.indent + level * LIST_MM.step;

/** Bullets as Vietnamese documents write them: "-" then "+" then "•". */
export const BULLETS = ["-", "+", "•"] as const;
