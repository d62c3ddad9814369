import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildActor, buildUnit, buildUnitTree, uniqueTag } from "../../tests/factories";
import { getDb } from "../db/client";
import { applyImport, previewImport } from "./run-import";
import { buildTemplate } from "./templates";
import { importInput } from "./test-files";
import { IMPORT_KINDS } from "./types";

/**
 * Templates that help: a criteria template follows the chosen period's set, every template
 * comes prefilled with the user's units, offers drop-down lists, says that an empty cell keeps
 * what is stored, and carries an example row that is never imported.
 */

async function setup() {
  const db = getDb();
  const tree = await buildUnitTree(db);
  const tag = uniqueTag();
  const set = await db.criteriaSet.create({
    data: {
      code: `NTM-2026-${tag}`,
      name: `Bộ tiêu chí 2026–2030 ${tag}`,
      nameEn: `Set 2026–2030 ${tag}`,
      unitLevel: "commune",
      periodStart: 2026,
      periodEnd: 2030,
      hasLevels: true,
      criteria: {
        create: ["Quy hoạch", "Hạ tầng kinh tế – xã hội", "Phát triển kinh tế nông thôn"].map((name, i) => ({
          number: i + 1,
          name,
          nameEn: name,
        })),
      },
    },
  });
  const planner = await buildActor(db, "planner", [tree.district]);
  return { db, tree, set, planner };
}

async function sheetOf(data: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  const numbers: number[] = [];
  sheet.eachRow((row, number) => {
    numbers.push(number);
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? "" : String(v))));
  });
  return { workbook, sheet, rows, numbers };
}

describe("import templates", () => {
  it("follow the chosen period's set, list the user's units with drop-downs, and import back without the example", async () => {
    const { db, tree, set, planner } = await setup();
    // A commune merged away by the 2025 reform has no row in a 2026 template.
    const merged = await buildUnit(db, { level: "commune", parent: tree.district, name: "Xã Đã Sáp Nhập" });
    await db.orgUnit.update({ where: { id: merged.id }, data: { validTo: new Date("2025-06-30") } });
    const file = await buildTemplate(db, planner, "criteria", { format: "xlsx", period: "2026", setCode: set.code });
    const { sheet, rows, numbers } = await sheetOf(file.data);
    const header = rows.find((r) => r[0] === "STT")!;
    expect(header).toEqual([
      "STT",
      "Mã đơn vị",
      "Tên đơn vị",
      "TC1. Quy hoạch",
      "TC2. Hạ tầng kinh tế – xã hội",
      "TC3. Phát triển kinh tế nông thôn",
    ]);
    // The note says what an empty cell does; the example row says it is one.
    expect(rows.some((r) => r[0]!.includes("Ô để trống: giữ nguyên kết quả đã có"))).toBe(true);
    const example = rows.findIndex((r) => r[0] === "Ví dụ");
    expect(example).toBe(rows.indexOf(header) + 1);
    // The district planner's communes, prefilled with code and name (the school and the district are not assessed on this set).
    expect(
      rows
        .slice(example + 1)
        .map((r) => r.slice(1, 3).join(" "))
        .sort(),
    ).toEqual([`${tree.commune.code} ${tree.commune.name}`, `${tree.neighbour.code} ${tree.neighbour.name}`].sort());
    const headerRow = numbers[rows.indexOf(header)]!;
    expect(sheet.getCell(headerRow + 2, 4).dataValidation).toMatchObject({
      type: "list",
      formulae: ["'Danh mục'!$A$2:$A$5"],
    });

    // Filled in and imported: the example row is skipped as such, the units' results are recorded.
    sheet.getCell(headerRow + 2, 4).value = "Đạt";
    sheet.getCell(headerRow + 3, 5).value = "Chưa đạt";
    const filled = new Uint8Array(await sheet.workbook.xlsx.writeBuffer());
    const input = importInput("criteria", filled, { fileName: file.filename, period: "2026", setCode: set.code });
    const preview = await previewImport(db, planner, input);
    expect(preview.fileIssues).toEqual([]);
    expect(preview.skipped).toEqual([{ row: headerRow + 1, reason: "example", text: "Ví dụ · 00000 · Xã Ví Dụ" }]);
    expect(preview.counts).toEqual({ create: 2, update: 0, unchanged: 0, errorRows: 0 });
    expect((await applyImport(db, planner, input)).counts.create).toBe(2);
  });

  it("every kind has a template with an example row that is never imported, and the lists it needs", async () => {
    const { db, tree } = await setup();
    const admin = await buildActor(db, "admin", [tree.province]);
    await buildUnit(db, { level: "school", parent: tree.neighbour, name: "Trường Tiểu học Xã Hai" });
    for (const kind of IMPORT_KINDS) {
      const file = await buildTemplate(db, admin, kind, { format: "xlsx", period: "2025" }).catch((e: unknown) => e);
      if (kind === "criteria" && !(file as { data?: Buffer }).data) continue;
      const { workbook, rows } = await sheetOf((file as { data: Buffer }).data);
      expect(
        rows.some((r) => r[0] === "Ví dụ"),
        kind,
      ).toBe(true);
      expect(workbook.getWorksheet("Danh mục"), kind).toBeDefined();
      const preview = await previewImport(
        db,
        admin,
        importInput(kind, new Uint8Array((file as { data: Buffer }).data), { fileName: "mau.xlsx", period: "2025" }),
      );
      expect(
        preview.skipped.map((s) => s.reason),
        kind,
      ).toContain("example");
    }
    // The units template lists the admin's units as they are: imported back, nothing changes.
    const units = await buildTemplate(db, admin, "units", { format: "csv" });
    const back = await previewImport(db, admin, importInput("units", new Uint8Array(units.data)));
    expect(back.counts).toMatchObject({ create: 0, update: 0, errorRows: 0 });
    expect(back.counts.unchanged).toBeGreaterThanOrEqual(6);
  });
});
