import { searchable } from "../../lib/search-text";
import type { RawRow } from "./parse-file";
import type { SkippedRow, SkipReason } from "./types";

/**
 * Rows of an official's table that are not data: the index row under the header
 * ("(1) (2) (3)"), group headings ("I. Huyện Nậm Pồ"), subtotals ("Cộng huyện …"), totals,
 * rates ("Tỷ lệ (%)"), legends, notes and the signature block, and a template's example row.
 * They are recognised by their first words, only on rows that hold no value in the columns
 * that name a record (a unit's code…): a row with a code is always data, and a row that is
 * neither is data too, so a real mistake is reported as an error, never skipped.
 */

const lead = (cells: string[]) => searchable((cells.find((c) => c.trim() !== "") ?? "").normalize("NFC")).trim();

/** "(1)", "2", "(3)=(1)+(2)", "A", "B": an index cell; codes (5 digits) and words are not. */
const INDEX_CELL = /^[([]?\s*(\d{1,3}|[a-z]{1,2})\s*[)\]]?(\s*[=+\-*/x:]\s*[([]?\s*(\d{1,3}|[a-z]{1,2})\s*[)\]]?)*$/i;

/** A row numbering the columns under a header: three or more index cells, their numbers increasing. */
export function isIndexRow(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  if (filled.length < 3 || !filled.every((c) => INDEX_CELL.test(c))) return false;
  const numbers = filled
    .map((c) => /^[([]?\s*(\d{1,3})/.exec(c)?.[1])
    .filter(Boolean)
    .map(Number);
  return numbers.length >= 3 && numbers.every((n, i) => i === 0 || n > numbers[i - 1]!);
}

/** "I.", "II", "IV - Huyện …", "A.", "B": a group's numbering (a single letter needs its dot, "A Pa Chải" is a name). */
const ROMAN = /^(?:[ivx]{1,5}(?:\s*[.)/:–-]|\s+(?=[a-z])|$)|[a-h](?:\s*[.)/:–-]|$))/;
const HIGHER_UNIT = /^(?:huyen|quan|thi xa|thanh pho|tinh|khu vuc|vung|nhom)\s/;
const PATTERNS: [SkipReason, RegExp][] = [
  ["rate", /^(?:ty le\b|%$)/],
  [
    "subtotal",
    /^(?:cong|tong|tong cong)\s+(?:huyen|quan|thi xa|thanh pho|xa|nhom|khu vuc|vung|[ivx]{1,5}\b)|^cong\s*(?:\(|:|$)/,
  ],
  ["total", /^(?:tong cong|tong so|toan tinh|toan huyen|ca tinh|ca huyen|ca nuoc|cong toan)\b|^tong\s*(?:\(|:|$)/],
  ["legend", /^(?:chu thich|chu giai|ky hieu|ghi chu ky hieu)\b/],
  ["notes", /^(?:ghi chu|luu y|\*)/],
  [
    "signature",
    /^(?:nguoi lap(?: bieu)?|nguoi ky|nguoi duyet|thu truong|(?:tm|kt|tl|tuq)\s*\.?\s|chu tich\b|pho chu tich|giam doc\b|pho giam doc|truong phong|noi nhan|xac nhan cua|\(?ky(?:,| ten| va| ghi)|lanh dao)/,
  ],
  // "Điện Biên, ngày 20 tháng 11 năm 2025": the place and date above the signatures.
  ["signature", /^[^,\d]{2,40},\s*ngay\b.*\bthang\b.*\bnam\b/],
];

/** Why a row that names no record is not data, or null when it is data after all. */
function reasonOf(cells: string[]): SkipReason | null {
  const text = lead(cells);
  for (const [reason, pattern] of PATTERNS) if (pattern.test(text)) return reason;
  if (ROMAN.test(text) || HIGHER_UNIT.test(text)) return "group";
  // "1 | Huyện Mường Nhé": a number then a higher unit's name also opens a group.
  const words = cells.map((c) => searchable(c.normalize("NFC")).trim()).filter(Boolean);
  if (words.length >= 2 && /^\d{1,3}\.?$/.test(words[0]!) && HIGHER_UNIT.test(words[1]!) && words.length === 2)
    return "group";
  return null;
}

/** A template's example row says so in one of its cells ("Ví dụ"): it is never imported, whatever it holds. */
const isExample = (cells: string[]) =>
  cells.some((c) => /^\s*v/i.test(c) && /^vi du\b/.test(searchable(c.normalize("NFC")).trim()));

export interface RowKinds {
  data: RawRow[];
  skipped: SkippedRow[];
  /** The group heading row above each data row (by row number), where there is one. */
  groupOf: Map<number, RawRow>;
  /** Totals, subtotals, rates and groups that carry figures, with the data rows they sum up. */
  totals: { row: RawRow; reason: SkipReason; covers: RawRow[] }[];
  /** Rows of legends and notes, whose text may say what marks mean. */
  notes: RawRow[];
}

/**
 * Sorts the rows under a header into data and not data. Once a signature or notes block has
 * started after some data, everything below it belongs to it (the signers' names too).
 */
export function sortRows(rows: RawRow[], namesRecord: (cells: string[]) => boolean, valueColumns: number[]): RowKinds {
  const kinds: RowKinds = { data: [], skipped: [], groupOf: new Map(), totals: [], notes: [] };
  let group: { row: RawRow; members: RawRow[] } | null = null;
  let sinceSubtotal: RawRow[] = [];
  let lastScope: RawRow[] | null = null;
  let footer: SkipReason | null = null;
  const hasFigures = (cells: string[]) => valueColumns.some((i) => (cells[i] ?? "").trim() !== "");
  const skip = (row: RawRow, reason: SkipReason) =>
    kinds.skipped.push({
      row: row.row,
      reason,
      text: row.cells
        .map((c) => c.trim())
        .filter(Boolean)
        .slice(0, 3)
        .join(" · ")
        .slice(0, 120),
    });
  rows.forEach((row, i) => {
    if (i === 0 && isIndexRow(row.cells)) return skip(row, "index");
    if (isExample(row.cells)) return skip(row, "example");
    if (footer) {
      if (footer === "legend" || footer === "notes") kinds.notes.push(row);
      return skip(row, footer);
    }
    const reason = namesRecord(row.cells) ? null : reasonOf(row.cells);
    if (!reason) {
      kinds.data.push(row);
      sinceSubtotal.push(row);
      if (group) {
        group.members.push(row);
        kinds.groupOf.set(row.row, group.row);
      }
      return;
    }
    skip(row, reason);
    if (reason === "legend" || reason === "notes") kinds.notes.push(row);
    if ((reason === "legend" || reason === "notes" || reason === "signature") && kinds.data.length) footer = reason;
    if (reason === "group") {
      group = { row, members: [] };
      sinceSubtotal = [];
      if (hasFigures(row.cells)) kinds.totals.push({ row, reason, covers: group.members });
    } else if (reason === "subtotal") {
      lastScope = group && group.members.length ? group.members : sinceSubtotal;
      kinds.totals.push({ row, reason, covers: lastScope });
      sinceSubtotal = [];
    } else if (reason === "total") {
      lastScope = kinds.data.slice();
      kinds.totals.push({ row, reason, covers: lastScope });
    } else if (reason === "rate") {
      kinds.totals.push({ row, reason, covers: lastScope ?? kinds.data });
    }
  });
  return kinds;
}
