import ExcelJS from "exceljs";
import type { ImportInput, ImportKind } from "./types";

/** Helpers for the import tests: files built in memory, as officials' spreadsheets would be. */

/** A CSV file from rows of cells, comma-separated unless told, optionally with a byte order mark. */
export function csvFile(rows: (string | number)[][], { delimiter = ",", bom = false } = {}): Uint8Array {
  const text = rows
    .map((cells) =>
      cells.map((c) => (/[",;\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(delimiter),
    )
    .join("\r\n");
  return new TextEncoder().encode(`${bom ? "\uFEFF" : ""}${text}\r\n`);
}

/** An XLSX workbook with one sheet holding the rows; numbers and dates stay typed, as Excel keeps them. */
export async function xlsxFile(rows: (string | number | Date | null)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Bảng 1");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const importInput = (
  kind: ImportKind,
  content: Uint8Array,
  options: Partial<ImportInput> = {},
): ImportInput => ({
  kind,
  fileName: `${kind}.csv`,
  content,
  ...options,
});
