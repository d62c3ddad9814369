import ExcelJS from "exceljs";
import type { ColumnSpec } from "./columns";
import { CRITERIA_COLUMNS, criterionHeading } from "./criteria";
import { DISBURSEMENT_COLUMNS } from "./disbursements";
import { SHORTAGE_COLUMNS } from "./shortages";
import type { ImportKind } from "./types";
import { UNIT_COLUMNS } from "./units";

/**
 * Empty templates with the Vietnamese headings the importers read, so that a file made from
 * one is always understood. They carry no example rows: a forgotten example would be imported.
 */

/** The commune set 2021–2025 has 19 criteria; the caller passes the chosen set's count. */
export const DEFAULT_CRITERIA_COUNT = 19;
export const MAX_CRITERIA_COUNT = 60;

export function templateHeadings(kind: ImportKind, criteriaCount = DEFAULT_CRITERIA_COUNT): string[] {
  const headings = (specs: ColumnSpec[]) => specs.map((s) => s.heading);
  switch (kind) {
    case "units":
      return headings(UNIT_COLUMNS);
    case "criteria":
      return [
        ...headings(CRITERIA_COLUMNS),
        ...Array.from({ length: criteriaCount }, (_, i) => criterionHeading(i + 1)),
      ];
    case "shortages":
      return headings(SHORTAGE_COLUMNS);
    case "disbursements":
      return headings(DISBURSEMENT_COLUMNS);
  }
}

const csvField = (text: string) => (/[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** UTF-8 with a byte order mark, so that Excel shows the Vietnamese headings rightly. */
export function templateCsv(kind: ImportKind, criteriaCount?: number): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${templateHeadings(kind, criteriaCount).map(csvField).join(",")}\r\n`);
}

export async function templateXlsx(kind: ImportKind, criteriaCount?: number): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Mẫu nhập");
  const headings = templateHeadings(kind, criteriaCount);
  sheet.addRow(headings).font = { bold: true };
  sheet.columns = headings.map((h) => ({ width: Math.max(8, h.length + 2) }));
  // Codes are text: "03180" typed into a general cell would lose its leading zero.
  for (const [i, h] of headings.entries()) if (/^Mã/.test(h)) sheet.getColumn(i + 1).numFmt = "@";
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const templateFileName = (kind: ImportKind, format: "csv" | "xlsx") => `mau-nhap-${kind}.${format}`;
