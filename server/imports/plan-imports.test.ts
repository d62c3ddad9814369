import { describe, expect, it } from "vitest";
import { buildActor, buildPlan, buildProgram, buildUnit, buildUnitTree } from "../../tests/factories";
import { getDb } from "../db/client";
import type { PlanStatus } from "../db/generated/client";
import { applyImport, ImportRejected, previewImport } from "./run-import";
import { csvFile, importConfirmed, importInput } from "./test-files";

/** Shortages and disbursements of plans, found by the plan's official number and issuing unit. */

async function setup(status: PlanStatus = "draft") {
  const db = getDb();
  const tree = await buildUnitTree(db);
  const program = await buildProgram(db);
  const planner = await buildActor(db, "planner", [tree.district], "Cán bộ Phòng Giáo dục huyện");
  const plan = await buildPlan(db, { unit: tree.district, program, author: planner, status });
  return { db, tree, program, planner, plan, ref: `${plan.number}/${plan.symbol}` };
}

const auditCount = (actorId: string) => getDb().auditEvent.count({ where: { actorId } });

const SHORTAGE_HEADER = [
  "Số ký hiệu kế hoạch",
  "Mã đơn vị ban hành",
  "Mã xã/trường",
  "Loại thiếu hụt",
  "Số lượng",
  "Đơn vị tính",
  "Kinh phí ước tính (đồng)",
  "Chi tiết",
];
const DISBURSEMENT_HEADER = [
  "Số, ký hiệu kế hoạch",
  "Mã đơn vị ban hành",
  "Nguồn vốn",
  "Năm",
  "Nội dung dòng vốn",
  "Số tiền (đồng)",
  "Ngày giải ngân",
  "Ghi chú",
];

describe("shortages import", () => {
  it("creates shortages, updates them from a corrected file, and changes nothing when nothing changed", async () => {
    const { db, tree, planner, plan, ref } = await setup();
    const rows = [
      [
        ref.toLowerCase(),
        tree.district.code,
        tree.commune.code,
        "Phòng bán trú, nội trú",
        "12",
        "phòng",
        "3.600.000.000",
        "",
      ],
      [ref, tree.district.code, tree.school.code, "giao vien", "3", "người", "", "Tiếng Anh"],
      [
        ref,
        tree.district.code,
        tree.neighbour.code,
        "solid_classrooms",
        "1.200",
        "phòng",
        "24 000 000 000",
        "Thay phòng tạm",
      ],
    ];
    const file = csvFile([SHORTAGE_HEADER, ...rows], { delimiter: ";", bom: true });
    expect((await previewImport(db, planner, importInput("shortages", file))).counts).toEqual({
      create: 3,
      update: 0,
      unchanged: 0,
      errorRows: 0,
    });
    await applyImport(db, planner, importInput("shortages", file));
    const stored = await db.shortage.findMany({
      where: { planId: plan.id },
      orderBy: { quantity: "asc" },
      select: {
        unitId: true,
        category: true,
        quantity: true,
        unitLabel: true,
        estimatedCost: true,
        description: true,
        status: true,
      },
    });
    expect(stored).toEqual([
      {
        unitId: tree.school.id,
        category: "teachers",
        quantity: 3,
        unitLabel: "người",
        estimatedCost: null,
        description: "Tiếng Anh",
        status: "open",
      },
      {
        unitId: tree.commune.id,
        category: "boarding_rooms",
        quantity: 12,
        unitLabel: "phòng",
        estimatedCost: 3_600_000_000n,
        description: "",
        status: "open",
      },
      {
        unitId: tree.neighbour.id,
        category: "solid_classrooms",
        quantity: 1200,
        unitLabel: "phòng",
        estimatedCost: 24_000_000_000n,
        description: "Thay phòng tạm",
        status: "open",
      },
    ]);
    const events = await auditCount(planner.userId);
    expect(events).toBe(4);

    const again = await applyImport(db, planner, importInput("shortages", file));
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 3, errorRows: 0 });
    expect(await auditCount(planner.userId)).toBe(events);

    const corrected = csvFile([SHORTAGE_HEADER, [...rows[0]!.slice(0, 4), "10", "phòng", "3.000.000.000", ""]]);
    // Less money than stored is imported only once the user has confirmed it.
    await expect(applyImport(db, planner, importInput("shortages", corrected))).rejects.toMatchObject({
      messageKey: "imports.errors.unconfirmed",
    });
    expect((await importConfirmed(db, planner, importInput("shortages", corrected))).counts).toEqual({
      create: 0,
      update: 1,
      unchanged: 0,
      errorRows: 0,
    });
    expect(await db.shortage.findFirstOrThrow({ where: { planId: plan.id, unitId: tree.commune.id } })).toMatchObject({
      quantity: 10,
      estimatedCost: 3_000_000_000n,
    });
    expect(
      await db.auditEvent.findFirstOrThrow({ where: { actorId: planner.userId, action: "shortage.update" } }),
    ).toMatchObject({
      before: { quantity: 12, estimatedCost: "3600000000" },
      after: { quantity: 10, estimatedCost: "3000000000" },
    });
  });

  it("reports bad values, unknown plans and units, units outside the plan, and plans that cannot change", async () => {
    const { db, tree, program, planner, ref } = await setup();
    const far = await buildUnit(db, { level: "commune", parent: tree.province, name: "Xã Ngoài Huyện" });
    const approved = await buildPlan(db, { unit: tree.district, program, author: planner, status: "approved" });
    const file = csvFile([
      SHORTAGE_HEADER,
      [ref, tree.district.code, tree.commune.code, "Phòng thí nghiệm", "0", "", "ba tỷ", ""],
      ["2543-KH", tree.district.code, tree.commune.code, "Thiết bị", "5", "bộ", "", ""],
      ["9999/KH-KHONGCO", tree.district.code, tree.commune.code, "Thiết bị", "5", "bộ", "", ""],
      [`${approved.number}/${approved.symbol}`, tree.district.code, tree.commune.code, "Thiết bị", "5", "bộ", "", ""],
      [ref, tree.district.code, "KHONG-CO", "Thiết bị", "5", "bộ", "", ""],
      [ref, tree.district.code, tree.province.code, "Thiết bị", "5", "bộ", "", ""],
      [ref, tree.district.code, far.code, "Thiết bị", "5", "bộ", "", ""],
      [ref, tree.district.code, tree.commune.code, "Thiết bị", "5", "bộ", "", "Máy chiếu"],
      [ref, tree.district.code, tree.commune.code, "Thiết bị", "6", "bộ", "", "Máy chiếu"],
    ]);
    const preview = await previewImport(db, planner, importInput("shortages", file));
    expect(preview.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [2, "Loại thiếu hụt", "imports.errors.badCategory"],
      [2, "Số lượng", "validation.quantity"],
      [2, "Đơn vị tính", "validation.required"],
      [2, "Kinh phí ước tính (đồng)", "imports.errors.money"],
      [3, "Số ký hiệu kế hoạch", "validation.reference"],
      [4, "Số ký hiệu kế hoạch", "imports.errors.planUnknown"],
      [5, "Số ký hiệu kế hoạch", "imports.errors.planLocked"],
      [6, "Mã xã/trường", "imports.errors.unitUnknown"],
      [7, "Mã xã/trường", "validation.unitOutOfScope"],
      [8, "Mã xã/trường", "imports.errors.unitUnknown"],
      [9, "Chi tiết", "imports.errors.duplicateRow"],
      [10, "Chi tiết", "imports.errors.duplicateRow"],
    ]);
    expect(preview.counts).toEqual({ create: 0, update: 0, unchanged: 0, errorRows: 9 });
    await expect(applyImport(db, planner, importInput("shortages", file, { validOnly: true }))).resolves.toMatchObject({
      counts: { create: 0, errorRows: 9 },
    });
    expect(await auditCount(planner.userId)).toBe(0);
  });

  it("refuses the plan of a unit above to a commune planner, who may read it but not change it", async () => {
    const { db, tree, ref } = await setup("approved"); // a level's drafts are not shown beneath it
    const communePlanner = await buildActor(db, "planner", [tree.commune]);
    const file = csvFile([
      SHORTAGE_HEADER,
      [ref, tree.district.code, tree.commune.code, "Thiết bị", "5", "bộ", "", ""],
    ]);
    expect(
      (await previewImport(db, communePlanner, importInput("shortages", file))).issues.map((i) => i.message),
    ).toEqual(["imports.errors.planNotAllowed"]);
  });
});

describe("disbursements import", () => {
  async function withLines(status: PlanStatus = "draft") {
    const s = await setup(status);
    const line = (source: "central_budget" | "local_budget", description: string, amount: bigint) =>
      s.db.budgetLine.create({ data: { planId: s.plan.id, source, year: 2025, description, amount } });
    const rooms = await line("central_budget", "Xây phòng bán trú", 1_000_000_000n);
    const equipment = await line("central_budget", "Mua thiết bị dạy học", 500_000_000n);
    const local = await line("local_budget", "", 200_000_000n);
    return { ...s, rooms, equipment, local };
  }

  it("records payments against the right line and skips those already recorded", async () => {
    const { db, tree, planner, ref, rooms, local } = await withLines();
    const file = csvFile([
      DISBURSEMENT_HEADER,
      [
        ref,
        tree.district.code,
        "Ngân sách trung ương",
        "2025",
        "xây phòng bán trú",
        "300.000.000",
        "05/03/2025",
        "Tạm ứng đợt 1",
      ],
      [ref, tree.district.code, "local_budget", "2025", "", "100000000", "2025-04-01", ""],
      [
        ref,
        tree.district.code,
        "Ngân sách trung ương",
        "2025",
        "Xây phòng bán trú",
        "700.000.000",
        "30/6/2025",
        "Thanh toán khối lượng",
      ],
    ]);
    expect((await previewImport(db, planner, importInput("disbursements", file))).counts).toEqual({
      create: 3,
      update: 0,
      unchanged: 0,
      errorRows: 0,
    });
    await applyImport(db, planner, importInput("disbursements", file));
    const paid = await db.disbursement.findMany({
      where: { budgetLine: { planId: rooms.planId } },
      orderBy: { paidOn: "asc" },
      select: { budgetLineId: true, amount: true, paidOn: true, note: true },
    });
    expect(paid).toEqual([
      { budgetLineId: rooms.id, amount: 300_000_000n, paidOn: new Date("2025-03-05"), note: "Tạm ứng đợt 1" },
      { budgetLineId: local.id, amount: 100_000_000n, paidOn: new Date("2025-04-01"), note: "" },
      { budgetLineId: rooms.id, amount: 700_000_000n, paidOn: new Date("2025-06-30"), note: "Thanh toán khối lượng" },
    ]);
    const events = await auditCount(planner.userId);
    const again = await applyImport(db, planner, importInput("disbursements", file));
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 3, errorRows: 0 });
    expect(await auditCount(planner.userId)).toBe(events);
  });

  it("never pays out more than a line holds, and names the line problems by column", async () => {
    const { db, tree, planner, ref } = await withLines();
    const file = csvFile([
      DISBURSEMENT_HEADER,
      [ref, tree.district.code, "Ngân sách trung ương", "2025", "Xây phòng bán trú", "600.000.000", "05/03/2025", ""],
      [ref, tree.district.code, "Ngân sách trung ương", "2025", "Xây phòng bán trú", "500.000.000", "06/03/2025", ""],
      [ref, tree.district.code, "Ngân sách trung ương", "2025", "", "1.000", "06/03/2025", ""],
      [ref, tree.district.code, "Ngân sách trung ương", "2024", "", "1.000", "06/03/2025", ""],
      [ref, tree.district.code, "Vốn khác", "2025", "", "1.000", "06/03/2025", ""],
      [ref, tree.district.code, "local_budget", "2025", "", "-5", "31/02/2025", ""],
      [ref, tree.district.code, "local_budget", "2025", "", "1.000", "07/03/2025", "Lặp"],
      [ref, tree.district.code, "local_budget", "2025", "", "1000", "2025-03-07", "lặp"],
    ]);
    const preview = await previewImport(db, planner, importInput("disbursements", file));
    expect(preview.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [3, "Số tiền (đồng)", "validation.overDisbursed"],
      [4, "Nguồn vốn", "imports.errors.lineAmbiguous"],
      [5, "Nguồn vốn", "imports.errors.lineUnknown"],
      [6, "Nguồn vốn", "imports.errors.badSource"],
      [7, "Số tiền (đồng)", "imports.errors.money"],
      [7, "Ngày giải ngân", "imports.errors.date"],
      [8, "Số tiền (đồng)", "imports.errors.duplicateRow"],
      [9, "Số tiền (đồng)", "imports.errors.duplicateRow"],
    ]);
    const applied = await importConfirmed(db, planner, importInput("disbursements", file, { validOnly: true }));
    expect(applied.counts).toEqual({ create: 1, update: 0, unchanged: 0, errorRows: 7 });
  });

  it("records payments on an approved plan but not on one under review", async () => {
    const approved = await withLines("approved");
    const row = (s: typeof approved) =>
      csvFile([
        DISBURSEMENT_HEADER,
        [s.ref, s.tree.district.code, "Ngân sách địa phương", "2025", "", "1.000.000", "01/04/2025", ""],
      ]);
    expect(
      (await applyImport(approved.db, approved.planner, importInput("disbursements", row(approved)))).counts.create,
    ).toBe(1);
    const submitted = await withLines("submitted");
    const error = await applyImport(
      submitted.db,
      submitted.planner,
      importInput("disbursements", row(submitted)),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect((error as ImportRejected).report.issues.map((i) => i.message)).toEqual(["imports.errors.planUnderReview"]);
  });
});
