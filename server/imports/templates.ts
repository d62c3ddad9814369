import ExcelJS from "exceljs";
import vi from "../../messages/vi.json";
import type { Db } from "../db/client";
import type { UnitLevel } from "../db/generated/client";
import { DomainError } from "../errors";
import type { ExportFile } from "../exports/export-file";
import { CAPITAL_SOURCES, SHORTAGE_CATEGORIES } from "@/lib/domain/planning";
import { authorize, can, viewableUnitsWhere } from "../policies";
import type { Actor } from "../policies/actor";
import type { ColumnSpec } from "./columns";
import { CRITERIA_COLUMNS, criterionHeading, type ImportSet, resolveSet } from "./criteria-columns";
import { DISBURSEMENT_COLUMNS } from "./disbursements";
import { SHORTAGE_COLUMNS } from "./shortages";
import { CLEAR_MARKER, type ImportKind } from "./types";
import { UNIT_COLUMNS } from "./units";

/**
 * Templates with the Vietnamese headings the importers read, so that a file made from one is
 * always understood: for criteria, one column per criterion of the chosen period's set; rows
 * prefilled with the user's units (code, name); drop-down lists for results, levels,
 * categories and sources; a note saying that an empty cell keeps what is stored; and an
 * example row marked "Ví dụ", which the importer recognises and never imports.
 */

export type TemplateQuery = { format: "csv" | "xlsx"; period?: string; setCode?: string };
type Cell = string | number;
interface Template {
  title: string[];
  header: string[];
  example: Cell[];
  rows: Cell[][];
  /** Drop-down lists: their title on the "Danh mục" sheet, values, and the columns that offer them. */
  lists: { title: string; values: string[]; columns: string[] }[];
  /** A second sheet listing the user's units, for a drop-down on the unit code column. */
  units?: { column: string; list: { code: string; name: string }[] };
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Rows under the prefilled ones that still offer the drop-down lists. */
const SPARE_ROWS = 200;
const MAX_PREFILLED = 20_000;
const EXAMPLE = "Ví dụ";
const KEEP_NOTE = `Ô để trống: giữ nguyên giá trị đã có. Ghi “${CLEAR_MARKER}” để xóa kinh phí. Dòng “${EXAMPLE}” không được nhập.`;
const headings = (specs: ColumnSpec[]) => specs.map((s) => s.heading);
const RESULT_WORDS = (set: ImportSet) =>
  set.hasLevels
    ? [vi.criteria.results.met, vi.criteria.results.not_met, vi.criteria.results.advanced, vi.criteria.results.model]
    : [vi.criteria.results.met, vi.criteria.results.not_met];

/**
 * Units the user sees at a level (or all), by place in the tree, for prefilled rows and lists:
 * those that existed in `year` (2023 lists the communes before the 2025 reform), else today's.
 */
async function unitsOf(
  db: Db,
  actor: Actor,
  levels: UnitLevel[] | null,
  right: "unit.assess" | "unit.view",
  year?: number,
) {
  const existed = year
    ? {
        AND: [
          { OR: [{ validFrom: null }, { validFrom: { lte: new Date(Date.UTC(year, 11, 31)) } }] },
          { OR: [{ validTo: null }, { validTo: { gte: new Date(Date.UTC(year, 0, 1)) } }] },
        ],
      }
    : { validTo: null };
  const units = await db.orgUnit.findMany({
    where: { AND: [viewableUnitsWhere(actor), levels ? { level: { in: levels } } : {}, existed] },
    select: { code: true, name: true, level: true, path: true, parent: { select: { code: true } } },
    orderBy: [{ path: "asc" }],
    take: MAX_PREFILLED,
  });
  return units.filter((u) => can(actor, right, u));
}

async function criteriaTemplate(db: Db, actor: Actor, query: TemplateQuery): Promise<Template> {
  const period = (query.period ?? String(new Date().getFullYear())).trim().toUpperCase();
  const { set, issue } = await resolveSet(db, period, query.setCode?.trim() || undefined);
  if (!set)
    throw new DomainError(
      "BAD_REQUEST",
      issue.message === "imports.errors.setUnknown" ? "validation.setUnknown" : issue.message,
    );
  const words = RESULT_WORDS(set);
  const criteria = set.criteria.map((c) => criterionHeading(c.number, c.name));
  const units = await unitsOf(db, actor, [set.unitLevel], "unit.assess", Number(period.slice(0, 4)));
  return {
    title: [
      "KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ",
      `${set.name} — kỳ đánh giá ${period}`,
      `Kết quả ghi ${words.join(", ")} (chọn trong danh sách). Ô để trống: giữ nguyên kết quả đã có. Dòng “${EXAMPLE}” không được nhập.`,
    ],
    header: ["STT", ...headings(CRITERIA_COLUMNS), ...criteria],
    example: [EXAMPLE, "00000", "Xã Ví Dụ", ...criteria.map((_, i) => (i < words.length ? words[i]! : ""))],
    rows: units.map((u, i) => [i + 1, u.code, u.name]),
    lists: [{ title: "Kết quả", values: words, columns: criteria }],
  };
}

async function unitsTemplate(db: Db, actor: Actor): Promise<Template> {
  const units = await unitsOf(db, actor, null, "unit.view");
  const levels = Object.values(vi.levels);
  return {
    title: ["DANH SÁCH ĐƠN VỊ", KEEP_NOTE],
    header: ["STT", ...headings(UNIT_COLUMNS)],
    example: [EXAMPLE, "00000", "Xã Ví Dụ", vi.levels.commune, "000"],
    rows: units.map((u, i) => [i + 1, u.code, u.name, vi.levels[u.level], u.parent?.code ?? ""]),
    lists: [{ title: "Cấp", values: levels, columns: [UNIT_COLUMNS[2]!.heading] }],
  };
}

async function shortagesTemplate(db: Db, actor: Actor): Promise<Template> {
  const units = await unitsOf(db, actor, ["commune", "school"], "unit.view");
  return {
    title: ["THIẾU HỤT CƠ SỞ VẬT CHẤT, ĐỘI NGŨ", KEEP_NOTE],
    header: ["STT", ...headings(SHORTAGE_COLUMNS)],
    example: [
      EXAMPLE,
      "2543/KH-SGDĐT",
      "000",
      "00000",
      "Trường Ví Dụ",
      vi.shortages.categories.boarding_rooms,
      12,
      "phòng",
      "3.600.000.000",
      "",
    ],
    rows: [],
    lists: [
      {
        title: "Loại thiếu hụt",
        values: SHORTAGE_CATEGORIES.map((c) => vi.shortages.categories[c]),
        columns: [SHORTAGE_COLUMNS.find((s) => s.key === "category")!.heading],
      },
    ],
    units: { column: SHORTAGE_COLUMNS.find((s) => s.key === "unit")!.heading, list: units },
  };
}

function disbursementsTemplate(): Template {
  return {
    title: ["GIẢI NGÂN", KEEP_NOTE],
    header: ["STT", ...headings(DISBURSEMENT_COLUMNS)],
    example: [
      EXAMPLE,
      "2543/KH-SGDĐT",
      "000",
      vi.budget.sources.central_budget,
      2025,
      "Xây phòng bán trú",
      "300.000.000",
      "05/03/2025",
      "Tạm ứng đợt 1",
    ],
    rows: [],
    lists: [
      {
        title: "Nguồn vốn",
        values: CAPITAL_SOURCES.map((s) => vi.budget.sources[s]),
        columns: [DISBURSEMENT_COLUMNS.find((s) => s.key === "source")!.heading],
      },
    ],
  };
}

/** The template of a kind for the user, as a file to download. */
export async function buildTemplate(db: Db, actor: Actor, kind: ImportKind, query: TemplateQuery): Promise<ExportFile> {
  authorize(actor, "imports.start", { kind });
  const template =
    kind === "criteria"
      ? await criteriaTemplate(db, actor, query)
      : kind === "units"
        ? await unitsTemplate(db, actor)
        : kind === "shortages"
          ? await shortagesTemplate(db, actor)
          : disbursementsTemplate();
  const filename = `mau-nhap-${kind}.${query.format}`;
  if (query.format === "csv") return { filename, contentType: "text/csv; charset=utf-8", data: templateCsv(template) };
  return { filename, contentType: XLSX_TYPE, data: await templateXlsx(template) };
}

const csvField = (value: Cell) => {
  const text = String(value);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** UTF-8 with a byte order mark, so that Excel shows the Vietnamese rightly. */
function templateCsv(t: Template): Buffer {
  const lines = [...t.title.map((line) => [line]), [], t.header, t.example, ...t.rows];
  return Buffer.from(`\uFEFF${lines.map((cells) => cells.map(csvField).join(",")).join("\r\n")}\r\n`, "utf8");
}

async function templateXlsx(t: Template): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Mẫu nhập");
  for (const [i, line] of t.title.entries())
    sheet.addRow([line]).font = i === 0 ? { bold: true, size: 13 } : { italic: true };
  sheet.addRow([]);
  const header = sheet.addRow(t.header);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle" };
  sheet.addRow(t.example).font = { italic: true, color: { argb: "FF6B7280" } };
  for (const row of t.rows) sheet.addRow(row);
  sheet.columns = t.header.map((h) => ({ width: Math.min(28, Math.max(8, h.length + 2)) }));
  // Codes are text: "03180" typed into a general cell would lose its leading zero.
  for (const [i, h] of t.header.entries()) if (/^Mã/.test(h)) sheet.getColumn(i + 1).numFmt = "@";
  const first = header.number + 1;
  const last = header.number + 1 + t.rows.length + SPARE_ROWS;
  const lists = workbook.addWorksheet("Danh mục");
  let listColumn = 0;
  const listRange = (title: string, values: string[]) => {
    listColumn++;
    lists.getCell(1, listColumn).value = title;
    values.forEach((v, i) => (lists.getCell(i + 2, listColumn).value = v));
    const letter = lists.getColumn(listColumn).letter;
    return `'Danh mục'!$${letter}$2:$${letter}$${values.length + 1}`;
  };
  const validate = (heading: string, formula: string) => {
    const column = t.header.indexOf(heading) + 1;
    if (!column) return;
    for (let row = first; row <= last; row++)
      sheet.getCell(row, column).dataValidation = {
        type: "list",
        allowBlank: true,
        showErrorMessage: true,
        formulae: [formula],
      };
  };
  for (const list of t.lists) {
    const range = listRange(list.title, list.values);
    for (const heading of list.columns) validate(heading, range);
  }
  if (t.units?.list.length) {
    validate(
      t.units.column,
      listRange(
        "Mã đơn vị",
        t.units.list.map((u) => u.code),
      ),
    );
    lists.getColumn(listColumn + 1).values = ["Tên", ...t.units.list.map((u) => u.name)];
  }
  sheet.views = [{ state: "frozen", ySplit: header.number }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
