import { describe, expect, it } from "vitest";
import { buildActor, buildPlan, buildProgram, buildUnit, uniqueTag } from "../../tests/factories";
import { getDb } from "../db/client";
import { applyImport, previewImport } from "./run-import";
import { importConfirmed, importInput, workbookFile } from "./test-files";

/**
 * Annexes as provinces issue them, built here from code: a decision's list of communes grouped
 * under their districts (no parent column, levels in the names), and a plan's annexes of
 * shortages in triệu đồng and disbursements in tỷ đồng, without the plan on every row.
 */

async function province() {
  const db = getDb();
  const root = await buildUnit(db, { level: "province", name: "Tỉnh Thử Nghiệm" });
  const namPo = await buildUnit(db, { level: "district", parent: root, name: "Huyện Nậm Pồ" });
  const muongCha = await buildUnit(db, { level: "district", parent: root, name: "Huyện Mường Chà" });
  const naTo = await buildUnit(db, { level: "commune", parent: namPo, name: "Xã Na Tở" });
  const naTo2 = await buildUnit(db, { level: "commune", parent: namPo, name: "Xã Nà Tở" });
  const school = await buildUnit(db, { level: "school", parent: naTo, name: "Trường PTDTBT THCS Na Tở" });
  return { db, root, namPo, muongCha, naTo, naTo2, school };
}

describe("officials' annexes", () => {
  it("imports a decision's unit list grouped by district, the level read from each name", async () => {
    const p = await province();
    const admin = await buildActor(p.db, "admin", [p.root]);
    const tag = uniqueTag();
    const file = await workbookFile([
      {
        name: "Phụ lục",
        rows: [
          ["ỦY BAN NHÂN DÂN", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
          ["TỈNH THỬ NGHIỆM", null, null, "Độc lập - Tự do - Hạnh phúc"],
          [],
          ["Phụ lục"],
          ["DANH SÁCH ĐƠN VỊ HÀNH CHÍNH CẤP XÃ THUỘC TỈNH"],
          ["(Kèm theo Quyết định số 1234/QĐ-UBND ngày 15/8/2025 của Ủy ban nhân dân tỉnh)"],
          [],
          ["STT", "Tên đơn vị hành chính", "Mã ĐVHC", "Ghi chú"],
          ["I", "HUYỆN NẬM PỒ"],
          [1, "Xã Nà Khoa", `K1${tag}`],
          [2, "Xã Nậm Nhừ", `K2${tag}`, "Thành lập mới"],
          [3, "Xã Na Tở", p.naTo.code],
          ["II", `Huyện Mường Chà (${p.muongCha.code})`],
          [1, "Thị trấn Mường Chà", `K3${tag}`],
          [],
          [null, null, "TM. ỦY BAN NHÂN DÂN"],
          [null, null, "CHỦ TỊCH"],
        ],
      },
    ]);
    const input = importInput("units", file, { fileName: "phu-luc-qd-1234.xlsx" });
    const preview = await previewImport(p.db, admin, input);
    expect(preview.fileIssues).toEqual([]);
    expect(preview.layout?.headerRows).toEqual([8]);
    expect(preview.counts).toEqual({ create: 3, update: 0, unchanged: 1, errorRows: 0 });
    expect(preview.skipped.map((s) => [s.row, s.reason])).toEqual([
      [9, "group"],
      [13, "group"],
      [16, "signature"],
      [17, "signature"],
    ]);
    await applyImport(p.db, admin, input);
    const created = await p.db.orgUnit.findMany({
      where: { code: { endsWith: tag } },
      select: { code: true, name: true, level: true, path: true },
      orderBy: { code: "asc" },
    });
    expect(created).toEqual([
      { code: `K1${tag}`, name: "Xã Nà Khoa", level: "commune", path: `${p.namPo.path}K1${tag}/` },
      { code: `K2${tag}`, name: "Xã Nậm Nhừ", level: "commune", path: `${p.namPo.path}K2${tag}/` },
      { code: `K3${tag}`, name: "Thị trấn Mường Chà", level: "commune", path: `${p.muongCha.path}K3${tag}/` },
    ]);
  });

  it("imports a plan's shortages in triệu đồng and disbursements in tỷ đồng, exactly, for the plan chosen", async () => {
    const p = await province();
    const planner = await buildActor(p.db, "planner", [p.root]);
    const program = await buildProgram(p.db);
    const plan = await buildPlan(p.db, { unit: p.namPo, program, author: planner });
    const reference = `${plan.number}/${plan.symbol}`;
    const shortages = await workbookFile([
      {
        name: "PL02",
        rows: [
          ["Phụ lục 02"],
          ["NHU CẦU PHÒNG HỌC, PHÒNG BÁN TRÚ, NHÀ CÔNG VỤ CÒN THIẾU"],
          [`(Kèm theo Kế hoạch số ${reference} ngày 20/11/2025)`],
          [null, null, null, null, null, null, "Đơn vị tính: triệu đồng"],
          ["STT", "Tên trường", "Mã trường", "Hạng mục", "Số lượng", "ĐVT", "Kinh phí"],
          [1, "Trường PTDTBT THCS Na Tở", p.school.code, "Phòng bán trú", 12, "phòng", 3600],
          [2, "Xã Na Tở", p.naTo.code, "Nhà công vụ giáo viên", "8", "căn", "1,5 tỷ đồng"],
          [3, "Xã Nà Tở", p.naTo2.code, "Phòng học kiên cố", "1.200", "phòng", "850"],
          [4, "Xã Nà Tở", p.naTo2.code, "Thiết bị", 5, "bộ", "700.000.000đ"],
          [null, "TỔNG CỘNG", null, null, 1225, null, "6.650"],
        ],
      },
    ]);
    const shortageInput = importInput("shortages", shortages, { fileName: "pl02.xlsx", planReference: reference });
    const preview = await previewImport(p.db, planner, shortageInput);
    expect(preview.fileIssues).toEqual([]);
    expect(preview.warnings).toEqual([]);
    expect(preview.counts).toEqual({ create: 4, update: 0, unchanged: 0, errorRows: 0 });
    // The parsed amount in đồng, as the preview shows it.
    expect(preview.rows[1]!.changes).toContainEqual({
      column: "Kinh phí",
      before: null,
      after: { type: "money", value: "1500000000" },
    });
    await applyImport(p.db, planner, shortageInput);
    const stored = await p.db.shortage.findMany({
      where: { planId: plan.id },
      select: { category: true, quantity: true, estimatedCost: true },
      orderBy: { quantity: "asc" },
    });
    expect(stored).toEqual([
      { category: "equipment", quantity: 5, estimatedCost: 700_000_000n },
      { category: "teacher_housing", quantity: 8, estimatedCost: 1_500_000_000n },
      { category: "boarding_rooms", quantity: 12, estimatedCost: 3_600_000_000n },
      { category: "solid_classrooms", quantity: 1200, estimatedCost: 850_000_000n },
    ]);

    const line = (source: "central_budget" | "local_budget", description: string, amount: bigint) =>
      p.db.budgetLine.create({ data: { planId: plan.id, source, year: 2025, description, amount } });
    const central = await line("central_budget", "Xây phòng bán trú", 10_000_000_000n);
    const local = await line("local_budget", "", 5_000_000_000n);
    const disbursements = await workbookFile([
      {
        name: "PL03",
        rows: [
          ["Phụ lục 03: TÌNH HÌNH GIẢI NGÂN"],
          ["STT", "Nguồn vốn", "Nội dung", "Số tiền (tỷ đồng)", "Ngày giải ngân", "Ghi chú"],
          [1, "NSTW", "Xây phòng bán trú", "1,5", "ngày 20 tháng 11 năm 2025", "Đợt 1"],
          [2, "ODA", "Xây phòng bán trú", 0.25, 45981, "Đợt 2"],
          [3, "Vốn NSĐP", null, "850 triệu", "05/12/2025", ""],
          [4, "NSĐP", null, "700.000.000đ", new Date(Date.UTC(2025, 11, 10)), ""],
          [null, "Cộng", null, "3,3"],
        ],
      },
    ]);
    const payments = importInput("disbursements", disbursements, { fileName: "pl03.xlsx", planReference: reference });
    const paid = await previewImport(p.db, planner, payments);
    expect(paid.issues).toEqual([]);
    expect(paid.warnings).toEqual([]);
    expect(paid.rows.map((r) => r.key)).toEqual([
      `${reference} · 20/11/2025`,
      `${reference} · 20/11/2025`,
      `${reference} · 05/12/2025`,
      `${reference} · 10/12/2025`,
    ]);
    await importConfirmed(p.db, planner, payments);
    const recorded = await p.db.disbursement.findMany({
      where: { budgetLineId: { in: [central.id, local.id] } },
      select: { budgetLineId: true, amount: true, paidOn: true },
      orderBy: [{ paidOn: "asc" }, { amount: "desc" }],
    });
    expect(recorded).toEqual([
      { budgetLineId: central.id, amount: 1_500_000_000n, paidOn: new Date("2025-11-20") },
      { budgetLineId: central.id, amount: 250_000_000n, paidOn: new Date("2025-11-20") },
      { budgetLineId: local.id, amount: 850_000_000n, paidOn: new Date("2025-12-05") },
      { budgetLineId: local.id, amount: 700_000_000n, paidOn: new Date("2025-12-10") },
    ]);
  });
});
