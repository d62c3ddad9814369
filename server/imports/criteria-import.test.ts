import { describe, expect, it } from "vitest";
import { buildActor, buildCriteriaSet, buildUnit, buildUnitTree } from "../../tests/factories";
import { getDb } from "../db/client";
import type { Actor } from "../policies/actor";
import { applyImport, ImportRejected, previewImport } from "./run-import";
import { csvFile, importConfirmed, importInput, xlsxFile } from "./test-files";

/** The officials' wide table of criteria results, from preview to import, on a real database. */

async function setup() {
  const db = getDb();
  const tree = await buildUnitTree(db);
  const set = await buildCriteriaSet(db);
  const districtPlanner = await buildActor(db, "planner", [tree.district], "Cán bộ Phòng Nông nghiệp huyện");
  return { db, tree, set, districtPlanner };
}

const HEADER = ["Mã đơn vị", "Tên đơn vị", "TC1", "TC2", "TC3"];
const criteriaInput = (
  content: Uint8Array,
  setCode: string,
  options: { period?: string; validOnly?: boolean; fileName?: string } = {},
) => importInput("criteria", content, { period: "2025", setCode, ...options });

const results = (unitId: string, period = "2025") =>
  getDb()
    .criterionAssessment.findMany({
      where: { unitId, period },
      select: { result: true, criterion: { select: { number: true } } },
      orderBy: { criterion: { number: "asc" } },
    })
    .then((rows) => rows.map((r) => [r.criterion.number, r.result]));
const auditCount = (actor: Actor) => getDb().auditEvent.count({ where: { actorId: actor.userId } });

async function rejection(run: Promise<unknown>) {
  const error = await run.then(
    () => expect.fail("the import should have been rejected"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportRejected);
  return (error as ImportRejected).report;
}

describe("criteria import", () => {
  it("previews, imports, and imports the same file again without writing anything", async () => {
    const { tree, set, districtPlanner } = await setup();
    const file = csvFile(
      [
        HEADER,
        [tree.commune.code, "Xã Một", "Đạt", "chưa đạt", ""],
        [tree.neighbour.code, "Xã Hai", "NÂNG CAO", "Kiểu mẫu", "Dat"],
      ],
      { delimiter: ";", bom: true },
    );

    const preview = await previewImport(getDb(), districtPlanner, criteriaInput(file, set.code));
    expect(preview).toMatchObject({
      outcome: "preview",
      rowCount: 2,
      counts: { create: 5, update: 0, unchanged: 0, errorRows: 0 },
      fileIssues: [],
      issues: [],
    });
    expect(preview.rows.map(({ row, key, status }) => ({ row, key, status }))).toEqual([
      { row: 2, key: tree.commune.code, status: "create" },
      { row: 3, key: tree.neighbour.code, status: "create" },
    ]);
    expect(await results(tree.commune.id)).toEqual([]);

    const applied = await applyImport(getDb(), districtPlanner, criteriaInput(file, set.code));
    expect(applied).toMatchObject({ outcome: "applied", counts: { create: 5, update: 0, unchanged: 0, errorRows: 0 } });
    expect(await results(tree.commune.id)).toEqual([
      [1, "met"],
      [2, "not_met"],
    ]);
    expect(await results(tree.neighbour.id)).toEqual([
      [1, "advanced"],
      [2, "model"],
      [3, "met"],
    ]);
    // One event per assessment, and one for the import itself.
    const events = await auditCount(districtPlanner);
    expect(events).toBe(6);
    expect(
      await getDb().auditEvent.count({
        where: { actorId: districtPlanner.userId, entityType: "CriterionAssessment", action: "assessment.create" },
      }),
    ).toBe(5);

    const again = await applyImport(getDb(), districtPlanner, criteriaInput(file, set.code));
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 5, errorRows: 0 });
    expect(await auditCount(districtPlanner)).toBe(events);

    // A corrected cell updates only that assessment, keeping the note written on the unit's page.
    const criterion2 = set.criteria[1]!.id;
    await getDb().criterionAssessment.updateMany({
      where: { unitId: tree.commune.id, criterionId: criterion2 },
      data: { note: "Còn 2,3 km đường trục thôn" },
    });
    const corrected = csvFile([HEADER, [tree.commune.code, "Xã Một", "Đạt", "Đạt", ""]]);
    expect((await applyImport(getDb(), districtPlanner, criteriaInput(corrected, set.code))).counts).toEqual({
      create: 0,
      update: 1,
      unchanged: 1,
      errorRows: 0,
    });
    expect(await results(tree.commune.id)).toEqual([
      [1, "met"],
      [2, "met"],
    ]);
    expect(
      await getDb().criterionAssessment.findFirstOrThrow({
        where: { unitId: tree.commune.id, criterionId: criterion2 },
      }),
    ).toMatchObject({ note: "Còn 2,3 km đường trục thôn", assessedById: districtPlanner.userId });
    expect(
      await getDb().auditEvent.findFirstOrThrow({
        where: { actorId: districtPlanner.userId, action: "assessment.update" },
      }),
    ).toMatchObject({ before: { result: "not_met" }, after: { result: "met" } });
  });

  it("reports every problem by row and column, and writes nothing unless the valid rows only are chosen", async () => {
    const { db, tree, set, districtPlanner } = await setup();
    const far = await buildUnit(db, { level: "commune", parent: tree.province, name: "Xã Ngoài Huyện" });
    const file = csvFile([
      ["STT", "Mã đơn vị", "Tên đơn vị", "TC1", "TC2", "TC3", "Ghi chú"],
      [1, tree.commune.code, "Xã Một", "Đạt", "xx", ""],
      [2, "99999-KHONG-CO", "Xã Không Có", "Đạt", "", ""],
      [3, tree.neighbour.code, "Xã Hai", "Đạt", "", ""],
      [4, tree.neighbour.code, "Xã Hai (lặp)", "Chưa đạt", "", ""],
      [5, far.code, "Xã Ngoài Huyện", "Đạt", "", ""],
      [6, tree.district.code, "Huyện Thử", "Đạt", "", ""],
      [7, "", "Thiếu mã", "Đạt", "", ""],
      [8, tree.school.code, "Trường THCS", "", "", ""],
    ]);
    const preview = await previewImport(db, districtPlanner, criteriaInput(file, set.code));
    // "Ghi chú", which every official's table has, is read as ignored without a warning.
    expect(preview.warnings).toEqual([]);
    expect(preview.layout?.columns.find((c) => c.heading === "Ghi chú")).toMatchObject({
      target: null,
      how: "ignored",
    });
    expect(preview.issues).toEqual([
      { row: 2, column: "TC2", message: "imports.errors.badResult", params: { value: "xx" } },
      { row: 3, column: "Mã đơn vị", message: "imports.errors.unitUnknown", params: { code: "99999-KHONG-CO" } },
      { row: 4, column: "Mã đơn vị", message: "imports.errors.duplicateRow", params: { rows: "5" } },
      { row: 5, column: "Mã đơn vị", message: "imports.errors.duplicateRow", params: { rows: "4" } },
      // A commune of another district is beyond the district planner's sight: reported as unknown.
      { row: 6, column: "Mã đơn vị", message: "imports.errors.unitUnknown", params: { code: far.code } },
      { row: 7, column: "Mã đơn vị", message: "validation.setLevel", params: undefined },
      // Without a code the row is looked up by its name, which names no unit.
      {
        row: 8,
        column: "Tên đơn vị",
        message: "imports.errors.unitNameUnknown",
        params: { name: "Thiếu mã", candidates: "" },
      },
      { row: 9, column: "Mã đơn vị", message: "validation.setLevel", params: undefined },
    ]);
    expect(preview.counts).toEqual({ create: 0, update: 0, unchanged: 0, errorRows: 8 });

    const rejected = await rejection(applyImport(db, districtPlanner, criteriaInput(file, set.code)));
    expect(rejected.counts.errorRows).toBe(8);
    expect(await auditCount(districtPlanner)).toBe(0);

    const fixable = csvFile([
      HEADER,
      [tree.commune.code, "Xã Một", "Đạt", "Nâng cao", ""],
      ["99999-KHONG-CO", "Xã Không Có", "Đạt", "", ""],
    ]);
    await rejection(applyImport(db, districtPlanner, criteriaInput(fixable, set.code)));
    expect(await results(tree.commune.id)).toEqual([]);
    // Leaving rows out needs the user's word on how many units will have no results.
    await expect(
      applyImport(db, districtPlanner, criteriaInput(fixable, set.code, { validOnly: true })),
    ).rejects.toMatchObject({ messageKey: "imports.errors.unconfirmed" });
    const validOnly = await importConfirmed(db, districtPlanner, criteriaInput(fixable, set.code, { validOnly: true }));
    expect(validOnly.counts).toEqual({ create: 2, update: 0, unchanged: 0, errorRows: 1 });
    expect(await results(tree.commune.id)).toEqual([
      [1, "met"],
      [2, "advanced"],
    ]);
  });

  it("decides rights per row: a commune planner imports their commune's row, not the neighbour's", async () => {
    const { db, tree, set } = await setup();
    const communePlanner = await buildActor(db, "planner", [tree.commune]);
    const stakeholder = await buildActor(db, "stakeholder", [tree.district]);
    const file = csvFile([
      HEADER,
      [tree.commune.code, "Xã Một", "Đạt", "Đạt", "Đạt"],
      [tree.neighbour.code, "Xã Hai", "Đạt", "Đạt", "Đạt"],
    ]);

    // The neighbour is invisible to the commune planner: reported like a code that does not exist.
    expect((await previewImport(db, communePlanner, criteriaInput(file, set.code))).issues).toEqual([
      { row: 3, column: "Mã đơn vị", message: "imports.errors.unitUnknown", params: { code: tree.neighbour.code } },
    ]);
    // A stakeholder records no results anywhere: refused before the file is read (even one that is not a spreadsheet).
    for (const content of [file, new Uint8Array([1, 2, 3])])
      await expect(previewImport(db, stakeholder, criteriaInput(content, set.code))).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    // The commune planner sees the district above, but records no results for it.
    const above = csvFile([HEADER, [tree.district.code, "Huyện", "Đạt", "", ""]]);
    expect(
      (await previewImport(db, communePlanner, criteriaInput(above, set.code))).issues.map((i) => [i.row, i.message]),
    ).toEqual([[2, "imports.errors.assessNotAllowed"]]);
    const applied = await importConfirmed(db, communePlanner, criteriaInput(file, set.code, { validOnly: true }));
    expect(applied.counts).toEqual({ create: 3, update: 0, unchanged: 0, errorRows: 1 });
    expect(await results(tree.neighbour.id)).toEqual([]);
  });

  it("follows the set's rules: levels only where the set has them, periods within its years, criteria it has", async () => {
    const { db, tree, set, districtPlanner } = await setup();
    const plain = await db.criteriaSet.create({
      data: {
        code: `${set.code}-K`,
        name: "Bộ không có mức",
        nameEn: "Set without levels",
        unitLevel: "commune",
        periodStart: 2026,
        periodEnd: 2030,
        hasLevels: false,
        criteria: { create: [{ number: 1, name: "Quy hoạch", nameEn: "Planning" }] },
      },
    });
    const levels = csvFile([
      ["Mã đơn vị", "TC1"],
      [tree.commune.code, "Kiểu mẫu"],
    ]);
    expect(
      (await previewImport(db, districtPlanner, criteriaInput(levels, plain.code, { period: "2026-H1" }))).issues,
    ).toEqual([{ row: 2, column: "TC1", message: "validation.noLevels", params: undefined }]);
    const fileIssues = async (
      content: Uint8Array,
      options: Parameters<typeof criteriaInput>[2] & { setCode?: string },
    ) =>
      (
        await previewImport(db, districtPlanner, criteriaInput(content, options.setCode ?? set.code, options))
      ).fileIssues.map((i) => i.message);
    expect(await fileIssues(levels, { period: "2024", setCode: plain.code })).toEqual(["validation.periodOutsideSet"]);
    expect(await fileIssues(levels, { period: "2025-Q1" })).toEqual(["validation.period"]);
    expect(await fileIssues(levels, { setCode: "KHONG-CO-BO-NAY" })).toEqual(["imports.errors.setUnknown"]);
    expect(
      await fileIssues(
        csvFile([
          ["Mã đơn vị", "TC1", "Tiêu chí 4"],
          [tree.commune.code, "Đạt", "Đạt"],
        ]),
        {},
      ),
    ).toEqual(["imports.errors.criterionUnknown"]);
    expect(
      await fileIssues(
        csvFile([
          ["Ghi chú", "TC1", "TC1"],
          ["Xã Một", "Đạt", "Đạt"],
        ]),
        {},
      ),
    ).toEqual(["imports.errors.duplicateColumn", "imports.errors.missingEither"]);
    expect(
      await fileIssues(
        csvFile([
          ["Mã đơn vị", "Tên đơn vị"],
          [tree.commune.code, "Xã Một"],
        ]),
        {},
      ),
    ).toEqual(["imports.errors.noCriteriaColumns"]);
    // The file-level problems reject the file even when the valid rows only are asked for.
    await rejection(
      applyImport(db, districtPlanner, criteriaInput(levels, set.code, { period: "2025-Q1", validOnly: true })),
    );
  });

  it("reads an Excel workbook, including codes Excel turned into numbers", async () => {
    const { db, tree, set, districtPlanner } = await setup();
    const numeric = await buildUnit(db, {
      level: "commune",
      parent: tree.district,
      code: `0${Math.floor(Math.random() * 9000) + 1000}`,
      name: "Xã Số",
    });
    const file = await xlsxFile([
      ["Mã đơn vị", "Tên đơn vị", "TC 01", "Tiêu chí số 2"],
      [tree.commune.code, "Xã Một", "Đạt", "Chưa đạt"],
      [Number(numeric.code), "Xã Số", "Đạt", null],
    ]);
    const applied = await applyImport(
      db,
      districtPlanner,
      criteriaInput(file, set.code, { fileName: "ket-qua-2025.xlsx", period: "2025-h1" }),
    );
    expect(applied.counts).toEqual({ create: 3, update: 0, unchanged: 0, errorRows: 0 });
    expect(await results(tree.commune.id, "2025-H1")).toEqual([
      [1, "met"],
      [2, "not_met"],
    ]);
    expect(await results(numeric.id, "2025-H1")).toEqual([[1, "met"]]);

    // The same commune with and without its leading zero is one unit named twice.
    const twice = csvFile([
      ["Mã đơn vị", "TC1"],
      [numeric.code, "Đạt"],
      [numeric.code.slice(1), "Chưa đạt"],
    ]);
    expect(
      (await previewImport(db, districtPlanner, criteriaInput(twice, set.code))).issues.map((i) => [i.row, i.message]),
    ).toEqual([
      [2, "imports.errors.duplicateRow"],
      [3, "imports.errors.duplicateRow"],
    ]);
  });
});
