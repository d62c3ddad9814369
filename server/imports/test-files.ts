import ExcelJS from "exceljs";
import type { Db } from "../db/client";
import type { Actor } from "../policies/actor";
import { applyImport, previewImport } from "./run-import";
import type { ImportInput, ImportKind, ImportReport } from "./types";

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

export type Cell = string | number | Date | null;
/** A sheet of a workbook built for a test: its rows from row 1, and ranges merged as Excel merges them ("D3:H3"). */
export interface SheetSpec {
  name: string;
  rows: Cell[][];
  merges?: string[];
}

/** An XLSX workbook of several sheets with merged cells, as officials' reports are laid out. */
export async function workbookFile(sheets: SheetSpec[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    spec.rows.forEach((row, i) => {
      if (row.length) sheet.getRow(i + 1).values = row.map((c) => (c === null ? undefined : c)) as ExcelJS.CellValue[];
    });
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
  }
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

/** The input again, with every confirmation its preview asks for given, as a user who agrees would. */
export const confirming = (input: ImportInput, preview: ImportReport): ImportInput => ({
  ...input,
  confirmations: preview.confirmations.map((c) => c.key),
});

/** Previews the input, then imports it with the preview's confirmations. */
export async function importConfirmed(db: Db, actor: Actor, input: ImportInput): Promise<ImportReport> {
  return applyImport(db, actor, confirming(input, await previewImport(db, actor, input)));
}
