import ExcelJS from "exceljs";
import { type MoneyUnit, amountInUnit, moneyUnit, unitNumberFormat } from "@/lib/format";
import type { Db } from "../db/client";
import type { Actor } from "../policies/actor";
import type { RollupQuery } from "../rollups/criteria-rollup";
import { type ExportFile, XLSX_TYPE, safeFileName } from "./export-file";
import { COVERED, labels, moneyNote, planReference, translate } from "./labels";
import { type UnitRollups, unitRollups } from "./unit-rollups";

const d = labels.dashboard;
const b = labels.budget;
const s = labels.shortages;
const t = labels.targets;

/** Cell formats: counts with thousands grouped, rates in percent with 2 decimals (money: its table's unit). */
const FORMAT = { count: "#,##0", rate: "0.00", average: "0.00", date: "dd/mm/yyyy" } as const;

interface Column {
  header: string;
  width: number;
  format?: string;
}
type Cell = string | number | Date | null;

const RATE = `${d.rate} (%)`;
/** Units with a result for the period (the roll-up's "units"). */
const ASSESSED = "Số đơn vị được đánh giá";
/** Milestones whose due date falls in the year (planningRollup's "due"). */
const DUE = "Đến hạn trong năm";
/** The distribution's first column: units meeting exactly this many criteria. */
const CRITERIA_MET = "Số tiêu chí đạt";

/** Times New Roman as in the documents, set on every cell written (exceljs has no workbook default). */
const font = (style: { bold?: boolean; italic?: boolean; size?: number } = {}): Partial<ExcelJS.Font> => ({
  name: "Times New Roman",
  size: 12,
  ...style,
});

/** A sheet that prints on A4 landscape, one page wide, with its heading row kept in view. */
const addSheet = (workbook: ExcelJS.Workbook, name: string) =>
  workbook.addWorksheet(name.slice(0, 31), {
    views: [{ state: "frozen", ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });

function title(sheet: ExcelJS.Worksheet, at: number, text: string) {
  const cell = sheet.getCell(at, 1);
  cell.value = text;
  cell.font = font({ bold: true, size: 13 });
}

/**
 * A sheet with a title line, then a table: a bold heading row and the rows, numbers kept as
 * numbers with their format so that they can be summed and charted; rows marked `bold` are
 * totals. A table with money states its unit at the right end of the title line ("Đơn vị tính:
 * triệu đồng"). Returns the next free row, for a second table below.
 */
function addTable(
  sheet: ExcelJS.Worksheet,
  at: number,
  heading: string,
  columns: Column[],
  rows: { cells: Cell[]; bold?: boolean }[],
  unit?: MoneyUnit,
): number {
  title(sheet, at, heading);
  if (unit) {
    const note = sheet.getCell(at, columns.length);
    note.value = moneyNote(unit);
    note.font = font({ italic: true });
    note.alignment = { horizontal: "right" };
  }
  const header = sheet.getRow(at + 1);
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = font({ bold: true });
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
    const sheetColumn = sheet.getColumn(i + 1);
    sheetColumn.width = Math.max(sheetColumn.width ?? 0, column.width);
  });
  rows.forEach((row, r) => {
    const line = sheet.getRow(at + 2 + r);
    row.cells.forEach((value, i) => {
      const cell = line.getCell(i + 1);
      cell.value = value;
      cell.font = font({ bold: row.bold });
      const format = columns[i]?.format;
      if (format && typeof value !== "string") cell.numFmt = format;
    });
  });
  return at + 2 + rows.length + 1;
}

/**
 * A title line, then label–value lines (the label bold in `column`, the value next to it): the
 * summary figures under a table. Returns the next free row.
 */
function addSummary(
  sheet: ExcelJS.Worksheet,
  at: number,
  heading: string,
  rows: [string, number, string][],
  column = 1,
): number {
  title(sheet, at, heading);
  rows.forEach(([label, value, format], i) => {
    const row = sheet.getRow(at + 1 + i);
    row.getCell(column).value = label;
    row.getCell(column).font = font({ bold: true });
    row.getCell(column + 1).value = value;
    row.getCell(column + 1).font = font();
    row.getCell(column + 1).numFmt = format;
  });
  return at + 1 + rows.length + 1;
}

function criteriaSheet(workbook: ExcelJS.Workbook, { criteria, unit }: UnitRollups) {
  const sheet = addSheet(workbook, d.criteria);
  const levels = criteria.set.hasLevels;
  const next = addTable(
    sheet,
    1,
    `${d.criteria} · ${criteria.set.name} · ${unit.name} · ${criteria.period}`,
    [
      { header: d.number, width: 6, format: FORMAT.count },
      { header: d.name, width: 48 },
      { header: d.met, width: 10, format: FORMAT.count },
      { header: d.units, width: 10, format: FORMAT.count },
      { header: RATE, width: 11, format: FORMAT.rate },
      ...(levels
        ? [
            { header: d.advanced, width: 10, format: FORMAT.count },
            { header: d.model, width: 10, format: FORMAT.count },
          ]
        : []),
    ],
    criteria.criteria.map((c) => ({
      cells: [c.number, c.name, c.met, criteria.units, c.rate, ...(levels ? [c.advanced, c.model] : [])],
    })),
  );
  addSummary(
    sheet,
    next,
    d.title,
    [
      [ASSESSED, criteria.units, FORMAT.count],
      [d.allMetShort, criteria.allMet, FORMAT.count],
      [d.averageShort, criteria.averageMet, FORMAT.average],
    ],
    2,
  );
}

function distributionSheet(workbook: ExcelJS.Workbook, { criteria }: UnitRollups) {
  const sheet = addSheet(workbook, d.distribution);
  addTable(
    sheet,
    1,
    `${d.distribution} · ${criteria.period}`,
    [
      { header: CRITERIA_MET, width: 24, format: FORMAT.count },
      { header: d.units, width: 12, format: FORMAT.count },
    ],
    criteria.distribution.map((count, met) => ({ cells: [met, count] })),
  );
}

function planningSheets(workbook: ExcelJS.Workbook, { planning, unit }: UnitRollups) {
  // The plans the figures come from (approved ones), in every table's title.
  const year = `${translate("dashboard.planning", { year: planning.year })} · ${translate("dashboard.approvedOnly", { count: planning.unapprovedPlans })}`;

  const money = addSheet(workbook, labels.tabs.budget);
  const { bySource, total } = planning.budget;
  // The totals add up the rows, so the rows' unit holds them too.
  const budgetUnit = moneyUnit(bySource.flatMap((row) => [row.allocated, row.disbursed]));
  const inBudgetUnit = (amount: bigint) => amountInUnit(amount, budgetUnit);
  addTable(
    money,
    1,
    `${d.budget} · ${unit.name} · ${year}`,
    [
      { header: b.source, width: 30 },
      { header: b.allocated, width: 20, format: unitNumberFormat(budgetUnit) },
      { header: b.disbursed, width: 20, format: unitNumberFormat(budgetUnit) },
      { header: RATE, width: 24, format: FORMAT.rate },
    ],
    [
      ...bySource.map((row) => ({
        cells: [b.sources[row.source], inBudgetUnit(row.allocated), inBudgetUnit(row.disbursed), row.rate],
      })),
      { cells: [b.total, inBudgetUnit(total.allocated), inBudgetUnit(total.disbursed), total.rate], bold: true },
    ],
    budgetUnit,
  );

  const milestones = addSheet(workbook, labels.tabs.milestones);
  const m = labels.milestones;
  const next = addSummary(milestones, 1, `${d.milestones} · ${unit.name} · ${year}`, [
    [DUE, planning.milestones.due, FORMAT.count],
    [m.statuses.done, planning.milestones.done, FORMAT.count],
    [m.overdue, planning.milestones.overdue, FORMAT.count],
  ]);
  addTable(
    milestones,
    next,
    d.overdueList,
    [
      { header: m.titleField, width: 40 },
      { header: s.plan, width: 16 },
      { header: m.owner, width: 30 },
      { header: m.dueOn, width: 14, format: FORMAT.date },
    ],
    planning.milestones.overdueList.map((row) => ({
      cells: [row.title, planReference(row.plan), row.ownerUnit.name, row.dueOn],
    })),
  );

  const shortages = addSheet(workbook, labels.tabs.shortages);
  const costUnit = moneyUnit(planning.shortages.map((row) => row.estimatedCost));
  addTable(
    shortages,
    1,
    `${d.shortages} · ${unit.name}`,
    [
      { header: s.category, width: 32 },
      { header: s.unitLabel, width: 12 },
      { header: s.statuses.open, width: 14, format: FORMAT.count },
      { header: COVERED, width: 14, format: FORMAT.count },
      { header: RATE, width: 11, format: FORMAT.rate },
      { header: s.cost, width: 24, format: unitNumberFormat(costUnit) },
    ],
    planning.shortages.map((row) => ({
      cells: [
        s.categories[row.category],
        row.unitLabel,
        row.open,
        row.covered,
        row.coveredRate,
        amountInUnit(row.estimatedCost, costUnit),
      ],
    })),
    costUnit,
  );

  const targets = addSheet(workbook, labels.tabs.targets);
  addTable(
    targets,
    1,
    `${d.targets} · ${unit.name} · ${year}`,
    [
      { header: t.titleField, width: 40 },
      { header: s.plan, width: 16 },
      { header: labels.plans.issuingUnit, width: 30 },
      { header: t.unit, width: 16 },
      { header: t.targetYear, width: 9, format: "0" },
      { header: t.latest, width: 12, format: "#,##0.####" },
      { header: t.period, width: 9 },
      { header: `${t.progress} (%)`, width: 11, format: FORMAT.rate },
      { header: labels.criteria.result, width: 10 },
    ],
    planning.targets.map((row) => ({
      cells: [
        row.title,
        planReference(row.plan),
        row.plan.issuingUnit.name,
        row.unit,
        row.targetYear,
        row.latest ? Number(row.latest.value) : null,
        row.latest?.period ?? null,
        row.progress.percent,
        row.progress.met ? t.met : t.notMet,
      ],
    })),
  );
}

/**
 * The dashboard's tables as a workbook: the criteria roll-up (per criterion, the summary and
 * the distribution) and what the plans add up to in the period's year (money by source,
 * milestones, shortages, targets). Same roll-ups and rights as the dashboard.
 */
export async function exportDashboardXlsx(db: Db, actor: Actor, query: RollupQuery): Promise<ExportFile> {
  const rollups = await unitRollups(db, actor, query);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Chung Tay";
  workbook.title = `${d.title} · ${rollups.unit.name} · ${rollups.criteria.period}`;
  criteriaSheet(workbook, rollups);
  distributionSheet(workbook, rollups);
  planningSheets(workbook, rollups);
  const data = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    filename: safeFileName(`${d.title} ${rollups.unit.name} ${rollups.criteria.period}.xlsx`),
    contentType: XLSX_TYPE,
    data,
  };
}
