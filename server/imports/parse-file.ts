import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { ACCEPTED_EXTENSIONS, type ImportIssue, MAX_FILE_BYTES, MAX_FILE_MEGABYTES, type SourceTable } from "./types";

/**
 * Reads an uploaded file (CSV or XLSX) into headings and rows of strings with their row
 * numbers; nothing here knows what the columns mean. Whatever is wrong with the file as a
 * whole (too big, not a spreadsheet, no header) comes back as one file-level issue.
 */

/** 100,000 rows is twice the largest table an official sends (every commune of the country × a few years). */
export const MAX_ROWS = 100_000;
const MAX_COLUMNS = 200;
/** An XLSX is a zip: refuse one that would unpack to more than this, before unpacking it. */
const MAX_XLSX_UNPACKED_BYTES = 200 * 1024 * 1024;

type Failure = { ok: false; issue: ImportIssue };
export type ReadResult = { ok: true; table: SourceTable } | Failure;
type RawRows = { ok: true; rows: { row: number; cells: string[] }[] } | Failure;

const fail = (message: string, params?: ImportIssue["params"]): Failure => ({
  ok: false,
  issue: { row: null, column: null, message, params },
});

export async function readTable(fileName: string, content: Uint8Array): Promise<ReadResult> {
  const name = fileName.toLowerCase();
  const extension = ACCEPTED_EXTENSIONS.find((ext) => name.endsWith(ext));
  if (!extension) return fail("imports.errors.fileType");
  if (content.byteLength > MAX_FILE_BYTES) return fail("imports.errors.fileTooLarge", { max: MAX_FILE_MEGABYTES });
  if (content.byteLength === 0) return fail("imports.errors.fileEmpty");
  const read = extension === ".csv" ? readCsv(content) : await readXlsx(content);
  if (!read.ok) return read;
  return toTable(read.rows);
}

const isZip = (content: Uint8Array) =>
  content[0] === 0x50 && content[1] === 0x4b && content[2] === 0x03 && content[3] === 0x04;

function readCsv(content: Uint8Array): RawRows {
  // A spreadsheet saved with the wrong extension, or any other binary, is not a CSV to guess at.
  if (isZip(content)) return fail("imports.errors.fileLooksXlsx");
  if (content.includes(0)) return fail("imports.errors.fileBinary");
  let text: string;
  try {
    // The decoder drops a UTF-8 byte order mark, which Excel writes with "CSV UTF-8".
    text = new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    return fail("imports.errors.fileEncoding");
  }
  text = text.replace(/^\uFEFF/, "");
  try {
    const records = parse(text, {
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return { ok: true, rows: records.map(({ record, info }) => ({ row: info.lines, cells: record })) };
  } catch (error) {
    return fail("imports.errors.fileUnreadable", { line: Number((error as { lines?: number }).lines) || 1 });
  }
}

/**
 * Excel writes CSV with the list separator of the computer's region: a semicolon on most
 * Vietnamese machines, a comma elsewhere. The first line with a separator decides (counted
 * outside quotes).
 */
function guessDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) {
      if ([...counts.values()].some((n) => n > 0)) break;
    } else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  const [best, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return count > 0 ? best : ",";
}

async function readXlsx(content: Uint8Array): Promise<RawRows> {
  if (!isZip(content)) return fail("imports.errors.fileNotXlsx");
  const unpacked = zipUnpackedSize(content);
  if (unpacked === null) return fail("imports.errors.fileNotXlsx");
  if (unpacked > MAX_XLSX_UNPACKED_BYTES) return fail("imports.errors.fileTooLarge", { max: MAX_FILE_MEGABYTES });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(content.buffer, content.byteOffset, content.byteLength) as unknown as ArrayBuffer,
    );
  } catch {
    return fail("imports.errors.fileNotXlsx");
  }
  // The first sheet that has anything on it: officials often keep an empty "Sheet1" before the table.
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return fail("imports.errors.noHeader");
  const rows: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values : [];
    // row.values is 1-based: index 0 is always empty.
    rows.push({
      row: rowNumber,
      cells: Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1])),
    });
  });
  return { ok: true, rows };
}

/** A cell as the text a person sees; dates as yyyy-mm-dd, which the importers read like typed ones. */
function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== "object") return String(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value)
    return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("text" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return "";
}

/**
 * The total unpacked size a zip declares in its central directory, or null if it has none.
 * Read before unpacking, so that a small file that would unpack to gigabytes is refused.
 */
function zipUnpackedSize(content: Uint8Array): number | null {
  const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
  // The end-of-central-directory record sits in the last 22 bytes plus a comment of up to 64 KiB.
  let end = -1;
  for (let i = content.byteLength - 22; i >= Math.max(0, content.byteLength - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > content.byteLength || view.getUint32(offset, true) !== 0x02014b50) return null;
    const size = view.getUint32(offset + 24, true);
    // 0xFFFFFFFF announces a ZIP64 size: more than an import file ever needs.
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    offset +=
      46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === "");

/** The first non-blank row is the header; blank rows (Excel leaves ";;;;" lines) are no data. */
function toTable(raw: { row: number; cells: string[] }[]): ReadResult {
  const rows = raw.filter((r) => !isBlank(r.cells));
  const [head, ...data] = rows;
  if (!head) return fail("imports.errors.noHeader");
  if (head.cells.length > MAX_COLUMNS) return fail("imports.errors.tooManyColumns", { max: MAX_COLUMNS });
  if (!data.length) return fail("imports.errors.noRows");
  if (data.length > MAX_ROWS) return fail("imports.errors.tooManyRows", { max: MAX_ROWS });
  return { ok: true, table: { header: head.cells.map((h) => h.trim()), rows: data } };
}
