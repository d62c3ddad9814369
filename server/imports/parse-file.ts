import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { ACCEPTED_EXTENSIONS, type ImportIssue, MAX_FILE_BYTES, MAX_FILE_MEGABYTES } from "./types";
import { storeZip, unzip } from "./unzip";

/**
 * Reads an uploaded file (CSV or XLSX) into sheets of rows of strings with their row numbers;
 * nothing here knows what the columns mean or where the table starts (find-table.ts does).
 * Whatever is wrong with the file as a whole (too big, not a spreadsheet, empty) comes back
 * as one file-level issue.
 */

/** 100,000 rows is twice the largest table an official sends (every commune of the country × a few years). */
export const MAX_ROWS = 100_000;
/** Rows above and below a table (title, signatures, notes) on top of MAX_ROWS data rows. */
const MAX_SHEET_ROWS = MAX_ROWS + 1000;
/** An XLSX is a zip: its entries may unpack to this much in all, counted while they unpack. */
export const MAX_XLSX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** Merged cells are remembered for the rows where a header can be. */
const HEADER_ZONE = 80;

export interface RawRow {
  row: number;
  cells: string[];
  /** For cells inside a merged range (not its first cell): the text of that first cell. */
  merged?: (string | undefined)[];
}
export interface Sheet {
  name: string;
  rows: RawRow[];
}

type Failure = { ok: false; issue: ImportIssue };
export type ReadResult = { ok: true; sheets: Sheet[] } | Failure;

const fail = (message: string, params?: ImportIssue["params"]): Failure => ({
  ok: false,
  issue: { row: null, column: null, message, params },
});

export async function readWorkbook(fileName: string, content: Uint8Array): Promise<ReadResult> {
  const name = fileName.toLowerCase();
  const extension = ACCEPTED_EXTENSIONS.find((ext) => name.endsWith(ext));
  if (!extension) return fail("imports.errors.fileType");
  if (content.byteLength > MAX_FILE_BYTES) return fail("imports.errors.fileTooLarge", { max: MAX_FILE_MEGABYTES });
  if (content.byteLength === 0) return fail("imports.errors.fileEmpty");
  const read = extension === ".csv" ? readCsv(fileName, content) : await readXlsx(content);
  if (!read.ok) return read;
  const sheets = read.sheets.filter((s) => s.rows.length > 0);
  if (!sheets.length) return fail("imports.errors.noHeader");
  if (sheets.some((s) => s.rows.length > MAX_SHEET_ROWS)) return fail("imports.errors.tooManyRows", { max: MAX_ROWS });
  return { ok: true, sheets };
}

const isZip = (content: Uint8Array) =>
  content[0] === 0x50 && content[1] === 0x4b && content[2] === 0x03 && content[3] === 0x04;
const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === "");

function readCsv(fileName: string, content: Uint8Array): ReadResult {
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
    }) as unknown as { record: string[]; info: { lines: number } }[];
    const rows = records.flatMap(({ record, info }) => (isBlank(record) ? [] : [{ row: info.lines, cells: record }]));
    return { ok: true, sheets: [{ name: fileName.replace(/\.csv$/i, ""), rows }] };
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

/**
 * Data validations are dropped before exceljs reads a sheet: it expands each range to one
 * entry per cell, so a drop-down on whole columns ("D1:D1048576", as Excel writes it when a
 * column is selected) would cost millions of objects for nothing an import reads.
 */
function withoutValidations(name: string, data: Buffer): Buffer {
  if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name) || !data.includes("<dataValidations")) return data;
  return Buffer.from(data.toString("utf8").replace(/<dataValidations\b[\s\S]*?<\/dataValidations>/g, ""), "utf8");
}

async function readXlsx(content: Uint8Array): Promise<ReadResult> {
  if (!isZip(content)) return fail("imports.errors.fileNotXlsx");
  const unpacked = unzip(content, MAX_XLSX_UNPACKED_BYTES);
  if (!unpacked.ok)
    return unpacked.reason === "tooLarge"
      ? fail("imports.errors.fileTooLarge", { max: MAX_FILE_MEGABYTES })
      : fail("imports.errors.fileNotXlsx");
  for (const [name, data] of unpacked.entries) unpacked.entries.set(name, withoutValidations(name, data));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(storeZip(unpacked.entries) as unknown as ArrayBuffer);
  } catch {
    return fail("imports.errors.fileNotXlsx");
  }
  unpacked.entries.clear();
  return { ok: true, sheets: workbook.worksheets.map(readSheet) };
}

function readSheet(sheet: ExcelJS.Worksheet): Sheet {
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    let merged: (string | undefined)[] | undefined;
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      // exceljs repeats a merged range's value in every cell of it: the first cell holds it, the
      // others are noted (for headers) and read as empty, so a heading merged over ten columns
      // is one heading, and a district's name merged across a row is not ten values.
      if (cell.type === ExcelJS.ValueType.Merge) {
        if (rowNumber <= HEADER_ZONE) (merged ??= [])[column - 1] = cellText(cell.master.value);
        cells[column - 1] = "";
      } else cells[column - 1] = cellText(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= "";
    if (!isBlank(cells)) rows.push(merged ? { row: rowNumber, cells, merged } : { row: rowNumber, cells });
  });
  return { name: sheet.name, rows };
}

/**
 * A cell as the text a person sees. Dates as yyyy-mm-dd, which the importers read like typed
 * ones; numbers to Excel's 15 significant digits, so that a formula's 0.30000000000000004
 * reads as the 0,3 the sheet shows.
 */
function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return String(Number(value.toPrecision(15)));
  if (typeof value !== "object") return String(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value)
    return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("text" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return "";
}
