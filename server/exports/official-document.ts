import type { JSONContent } from "@tiptap/core";
import type { IssuingBody } from "./issuing-body";
import type { Signer } from "./signer";

/**
 * An official document (a plan, a report) as content, before it is drawn: what it says is
 * worked out once (plan-document.ts, report-document.ts) and each format draws the same
 * blocks in the layout of Decree 30/2020/NĐ-CP (render-docx.ts, render-pdf.ts).
 */
export interface OfficialDocument {
  /** The file's name without its extension ("2543-KH-SGDĐT"). */
  name: string;
  /** The file's title and subject (document properties). */
  title: string;
  subject: string;
  /** The top of the first page: issuing body, national motto, number and symbol, place and date. */
  header: DocumentHeader;
  /** The kind of document ("KẾ HOẠCH", "BÁO CÁO") and its summary (trích yếu) under it. */
  kind: string;
  summary: string;
  body: Block[];
}

export interface DocumentHeader {
  issuer: IssuingBody;
  /** "Số: …": the number and symbol ("2543/KH-SGDĐT"). */
  reference: string;
  /** A calendar date (UTC midnight, as stored); null leaves day and month blank for the clerk. */
  date: Date | null;
  year: number;
}

export type Align = "left" | "center" | "right";

export interface Column {
  label: string;
  /** Share of the text width; the shares of a table add up to 1. */
  share: number;
  align?: Align;
}

export interface Row {
  cells: string[];
  /** A bold row ("Tổng cộng"). */
  total?: boolean;
}

export type Block =
  /** A bold heading of the body ("I. KẾT QUẢ…"), kept with what follows. */
  | { type: "heading"; text: string }
  /** A justified body paragraph of plain text. */
  | { type: "paragraph"; text: string }
  /**
   * A data table over the text's width, its heading row repeated on every page; `note` is the
   * line above it on the right ("Đơn vị tính: triệu đồng").
   */
  | { type: "table"; columns: Column[]; rows: Row[]; note?: string }
  /** An annex (phụ lục) on a new page: "Phụ lục I", its title and the document it comes with. */
  | { type: "annex"; numeral: string; title: string; attachedTo: string }
  /** Rich text as the editor stores it (ProseMirror JSON of lib/editor/extensions.ts). */
  | { type: "text"; content: JSONContent }
  /** The end of the main text: the recipients on the left, the signer on the right. */
  | { type: "signature"; signer: Signer; recipients?: string[] };

/** The formats an official document is drawn in. */
export const DOCUMENT_FORMATS = ["docx", "pdf"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
