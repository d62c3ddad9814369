import { describe, expect, it } from "vitest";
import { buildActor, buildUnit, uniqueTag } from "../../tests/factories";
import { getDb } from "../db/client";
import { applyImport, ImportRejected, previewImport } from "./run-import";
import { type Cell, confirming, csvFile, importInput, workbookFile } from "./test-files";

/**
 * Criteria reports shaped the way provinces keep them in Excel, built here from code: a title
 * block and a signature block, a two-row merged header with district rows and totals, marks
 * with a legend, names without codes on a second sheet. Each imports to exact counts; a file
 * with a wrong code, an unknown result and a duplicate commune is refused naming those rows.
 */

const CRITERIA = ["Quy hoạch", "Giao thông", "Thủy lợi và phòng, chống thiên tai", "Điện", "Trường học"];

async function province() {
  const db = getDb();
  const tag = uniqueTag();
  const root = await buildUnit(db, { level: "province", name: "Tỉnh Thử Nghiệm" });
  const namPo = await buildUnit(db, { level: "district", parent: root, name: "Huyện Nậm Pồ" });
  const muongCha = await buildUnit(db, { level: "district", parent: root, name: "Huyện Mường Chà" });
  const commune = (name: string, parent = namPo) => buildUnit(db, { level: "commune", parent, name });
  const naTo = await commune("Xã Na Tở");
  const naTo2 = await commune("Xã Nà Tở");
  const naHy = await commune("Xã Nà Hỳ");
  const maThiHo = await commune("Xã Ma Thì Hồ", muongCha);
  const saTong = await commune("Xã Sá Tổng", muongCha);
  const set = await db.criteriaSet.create({
    data: {
      code: `NTM-${tag}`,
      name: `Bộ tiêu chí thử ${tag}`,
      nameEn: `Test set ${tag}`,
      unitLevel: "commune",
      periodStart: 2021,
      periodEnd: 2025,
      hasLevels: true,
      criteria: { create: CRITERIA.map((name, i) => ({ number: i + 1, name, nameEn: name })) },
    },
    include: { criteria: { orderBy: { number: "asc" } } },
  });
  const planner = await buildActor(db, "planner", [root], "Cán bộ Văn phòng Điều phối tỉnh");
  return { db, root, namPo, muongCha, naTo, naTo2, naHy, maThiHo, saTong, set, planner };
}
type Province = Awaited<ReturnType<typeof province>>;

const input = (p: Province, content: Uint8Array, fileName = "bao-cao.xlsx", extra = {}) =>
  importInput("criteria", content, { fileName, period: "2025", setCode: p.set.code, ...extra });

/** Each unit's results, criterion by criterion (null where nothing is recorded). */
async function stored(p: Province, unitId: string) {
  const rows = await p.db.criterionAssessment.findMany({
    where: { unitId, period: "2025", criterion: { setId: p.set.id } },
    select: { result: true, criterion: { select: { number: true } } },
  });
  return CRITERIA.map((_, i) => rows.find((r) => r.criterion.number === i + 1)?.result ?? null);
}

const signatures: Cell[][] = [
  [],
  [null, null, null, null, null, "Thử Nghiệm, ngày 20 tháng 11 năm 2025"],
  ["NGƯỜI LẬP BIỂU", null, null, null, null, "TM. ỦY BAN NHÂN DÂN"],
  [null, null, null, null, null, "KT. CHỦ TỊCH"],
  [null, null, null, null, null, "PHÓ CHỦ TỊCH"],
  ["Lò Thị Mai", null, null, null, null, "Nguyễn Văn Hùng"],
];

describe("officials' criteria reports", () => {
  it("finds the table below a title block, skips the index row and the signatures, and imports", async () => {
    const p = await province();
    const file = await workbookFile([
      {
        name: "Biểu 01",
        rows: [
          ["UBND TỈNH THỬ NGHIỆM", null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
          ["BAN CHỈ ĐẠO CÁC CTMTQG", null, null, null, "Độc lập - Tự do - Hạnh phúc"],
          [],
          ["BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI NĂM 2025"],
          ["(Kèm theo Báo cáo số 123/BC-UBND ngày 20/11/2025 của UBND tỉnh Thử Nghiệm)"],
          [],
          ["STT", "Mã xã", "Tên xã", "TC1", "TC2", "TC3", "TC4", "TC5", "Ghi chú"],
          ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"],
          [1, p.naTo.code, "Xã Na Tở", "Đạt", "Đạt", "Chưa đạt", "Đạt", "Đạt", ""],
          [2, `${p.naTo2.code}  `, "Xã Nà Tở", "Đạt", "", "Đạt", "Đạt", "Chưa đạt", "Chia tách 2024"],
          ["3", p.naHy.code, "Xã Nà Hỳ", "Chưa đạt", "Chưa đạt", "Đạt", "Đạt", "Đạt", ""],
          ...signatures,
        ],
        merges: ["A4:I4", "A5:I5"],
      },
    ]);
    const preview = await previewImport(p.db, p.planner, input(p, file));
    expect(preview.fileIssues).toEqual([]);
    expect(preview.layout).toMatchObject({ sheet: "Biểu 01", headerRows: [7] });
    expect(preview.counts).toEqual({ create: 14, update: 0, unchanged: 0, errorRows: 0 });
    expect(preview.skipped.map((s) => [s.row, s.reason])).toEqual([
      [8, "index"],
      [13, "signature"],
      [14, "signature"],
      [15, "signature"],
      [16, "signature"],
      [17, "signature"],
    ]);
    expect(preview.warnings).toEqual([]);
    expect(preview.confirmations).toEqual([]);
    expect((await applyImport(p.db, p.planner, input(p, file))).counts.create).toBe(14);
    expect(await stored(p, p.naTo2.id)).toEqual(["met", null, "met", "met", "not_met"]);
  });

  it("joins a two-row merged header, skips district, subtotal, total and rate rows, and checks the totals", async () => {
    const p = await province();
    const rows = (subtotal: number[]): Cell[][] => [
      ["BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ NĂM 2025"],
      [],
      [
        "STT",
        "Mã ĐVHC",
        "Tên đơn vị\nhành chính",
        "Kết quả thực hiện các tiêu chí",
        null,
        null,
        null,
        null,
        "Số tiêu chí đạt",
      ],
      [null, null, null, "1. Quy hoạch", "Giao thông", "Tiêu chí 3", "TC4", "Trường\nhọc", null],
      ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"],
      ["I", null, "Huyện Nậm Pồ"],
      [1, p.naTo.code, "Xã Na Tở", "Đạt", "Đạt", "Đạt", "Đạt", "Đạt", 5],
      [2, p.naTo2.code, "Xã Nà Tở", "Đạt", "Chưa đạt", "Đạt", "Đạt", "Chưa đạt", 3],
      [3, p.naHy.code, "Xã Nà Hỳ", "Đạt", "Chưa đạt", "Chưa đạt", "Đạt", "Đạt", 3],
      [null, null, "Cộng huyện Nậm Pồ", ...subtotal, 11],
      ["II", null, "Huyện Mường Chà"],
      [1, p.maThiHo.code, "Xã Ma Thì Hồ", "Đạt", "Đạt", "Chưa đạt", "Đạt", "Chưa đạt", 3],
      [2, p.saTong.code, "Xã Sá Tổng", "Chưa đạt", "Đạt", "Đạt", "Đạt", "Chưa đạt", 3],
      [null, null, "Cộng huyện Mường Chà", 1, 2, 1, 2, 0, 6],
      [null, null, "TỔNG CỘNG", 4, 3, 3, 5, 2, 17],
      [null, null, "Tỷ lệ (%)", "80,00%", "60%", "60,00%", 1, "40,00%"],
    ];
    const merges = ["A3:A4", "B3:B4", "C3:C4", "D3:H3", "I3:I4"];
    const file = await workbookFile([{ name: "TH", rows: rows([3, 1, 2, 3, 2]), merges }]);
    const preview = await previewImport(p.db, p.planner, input(p, file));
    expect(preview.fileIssues).toEqual([]);
    expect(preview.layout?.headerRows).toEqual([3, 4]);
    expect(preview.layout?.columns.map((c) => [c.heading, c.target])).toEqual([
      ["Mã ĐVHC", "code"],
      ["Tên đơn vị hành chính", "name"],
      ["1. Quy hoạch", "tc1"],
      ["Giao thông", "tc2"],
      ["Tiêu chí 3", "tc3"],
      ["TC4", "tc4"],
      ["Trường học", "tc5"],
      ["Số tiêu chí đạt", null],
    ]);
    expect(preview.skipped.map((s) => [s.row, s.reason])).toEqual([
      [5, "index"],
      [6, "group"],
      [10, "subtotal"],
      [11, "group"],
      [14, "subtotal"],
      [15, "total"],
      [16, "rate"],
    ]);
    expect(preview.warnings).toEqual([]);
    expect(preview.counts).toEqual({ create: 25, update: 0, unchanged: 0, errorRows: 0 });

    // A subtotal typed wrong is a warning naming its row and column; the rows import as they are.
    const wrong = await workbookFile([{ name: "TH", rows: rows([3, 2, 2, 3, 2]), merges }]);
    const warned = await previewImport(p.db, p.planner, input(p, wrong));
    expect(warned.warnings).toEqual([
      { row: 10, column: "Giao thông", message: "imports.errors.totalMismatch", params: { stated: "2", counted: "1" } },
    ]);
    expect((await applyImport(p.db, p.planner, input(p, wrong))).counts.create).toBe(25);
    expect(await stored(p, p.saTong.id)).toEqual(["not_met", "met", "met", "met", "not_met"]);
  });

  it("reads marks and blanks as the file's legend says, shows the reading and imports once it is confirmed", async () => {
    const p = await province();
    const table: Cell[][] = [
      ["KẾT QUẢ RÀ SOÁT TIÊU CHÍ NĂM 2025"],
      ["Mã xã", "Tên xã", "TC1", "TC2", "TC3", "TC4", "TC5"],
      [p.naTo.code, "Xã Na Tở", "x", "X", "✓", "NC", ""],
      [p.naTo2.code, "Xã Nà Tở", "KM", "", "x", "x", "x"],
      [p.naHy.code, "Xã Nà Hỳ", "", "", "", "", ""],
    ];
    const legend = ["Ghi chú: x - Đạt; NC - Nâng cao; KM - Kiểu mẫu; ô trống - Chưa đạt"];
    const file = await workbookFile([{ name: "Sheet1", rows: [...table, [], legend] }]);
    const preview = await previewImport(p.db, p.planner, input(p, file));
    expect(preview.counts).toEqual({ create: 15, update: 0, unchanged: 0, errorRows: 0 });
    expect(preview.marks).toEqual({
      marks: [
        { mark: "x", result: "met", count: 5, from: "legend" },
        { mark: "✓", result: "met", count: 1, from: "default" },
        { mark: "NC", result: "advanced", count: 1, from: "legend" },
        { mark: "KM", result: "model", count: 1, from: "legend" },
      ],
      blank: { meaning: "not_met", count: 7, from: "legend" },
      legendRow: 7,
    });
    expect(preview.skipped).toEqual([{ row: 7, reason: "notes", text: legend[0] }]);
    expect(preview.confirmations.map((c) => c.message)).toEqual(["imports.confirm.marks"]);
    await expect(applyImport(p.db, p.planner, input(p, file))).rejects.toMatchObject({
      messageKey: "imports.errors.unconfirmed",
    });
    expect(await stored(p, p.naTo.id)).toEqual([null, null, null, null, null]);
    await applyImport(p.db, p.planner, confirming(input(p, file), preview));
    expect(await stored(p, p.naTo.id)).toEqual(["met", "met", "met", "advanced", "not_met"]);
    expect(await stored(p, p.naHy.id)).toEqual(["not_met", "not_met", "not_met", "not_met", "not_met"]);

    // Without a legend an empty cell keeps what is stored; the user may say otherwise.
    const bare = csvFile(table.slice(1) as (string | number)[][]);
    const keep = await previewImport(p.db, p.planner, input(p, bare, "ket-qua.csv"));
    expect(keep.marks?.blank).toEqual({ meaning: "keep", count: 7, from: "default" });
    expect(keep.counts).toEqual({ create: 0, update: 0, unchanged: 8, errorRows: 0 });
    const chosen = await previewImport(p.db, p.planner, input(p, bare, "ket-qua.csv", { marks: { x: "Chưa đạt" } }));
    expect(chosen.counts).toEqual({ create: 0, update: 5, unchanged: 3, errorRows: 0 });
  });

  it("finds units by their exact names, accents counting, on the second sheet after a summary", async () => {
    const p = await province();
    const detail = (names: string[]): Cell[][] => [
      ["DANH SÁCH KẾT QUẢ THỰC HIỆN TIÊU CHÍ CÁC XÃ"],
      ["STT", "Tên xã", "TC1", "TC2", "TC3", "TC4", "TC5"],
      ...names.map((name, i) => [i + 1, name, "Đạt", i % 2 ? "Chưa đạt" : "Đạt", "Đạt", "", "Nâng cao"]),
    ];
    const summary = { name: "Tổng hợp", rows: [["TỔNG HỢP KẾT QUẢ"], ["Tổng số xã", 5], ["Số xã đạt chuẩn", 2]] };
    const names = ["Xã Na Tở", "Xã Nà Tở", "Nà Hỳ", "XÃ MA THÌ HỒ"];
    const file = await workbookFile([summary, { name: "Chi tiết", rows: detail(names) }]);
    const preview = await previewImport(p.db, p.planner, input(p, file));
    expect(preview.layout).toMatchObject({ sheets: ["Tổng hợp", "Chi tiết"], sheet: "Chi tiết", headerRows: [2] });
    expect(preview.counts).toEqual({ create: 16, update: 0, unchanged: 0, errorRows: 0 });
    await applyImport(p.db, p.planner, input(p, file));
    expect(await stored(p, p.naTo.id)).toEqual(["met", "met", "met", null, "advanced"]);
    expect(await stored(p, p.naTo2.id)).toEqual(["met", "not_met", "met", null, "advanced"]);
    expect(await stored(p, p.maThiHo.id)).toEqual(["met", "not_met", "met", null, "advanced"]);

    // A name written without its accents could be either: both are named, neither is chosen.
    const unaccented = await workbookFile([summary, { name: "Chi tiết", rows: detail(["Xã Na To", "Xã Không Có"]) }]);
    expect((await previewImport(p.db, p.planner, input(p, unaccented))).issues).toEqual([
      {
        row: 3,
        column: "Tên xã",
        message: "imports.errors.unitNameSimilar",
        params: { name: "Xã Na To", candidates: `Xã Na Tở (${p.naTo.code}), Xã Nà Tở (${p.naTo2.code})` },
      },
      {
        row: 4,
        column: "Tên xã",
        message: "imports.errors.unitNameUnknown",
        params: { name: "Xã Không Có", candidates: "" },
      },
    ]);
  });

  it("tells two communes of one name apart by the district heading they sit under, and only so", async () => {
    const p = await province();
    const inNamPo = await buildUnit(p.db, { level: "commune", parent: p.namPo, name: "Xã Nà Bủng" });
    const inMuongCha = await buildUnit(p.db, { level: "commune", parent: p.muongCha, name: "Xã Nà Bủng" });
    const grouped = csvFile([
      ["STT", "Tên xã", "TC1"],
      ["I", "Huyện Nậm Pồ", ""],
      [1, "Xã Nà Bủng", "Đạt"],
      ["II", "Huyện Mường Chà", ""],
      [1, "Xã Nà Bủng", "Chưa đạt"],
    ]);
    await applyImport(p.db, p.planner, input(p, grouped, "ket-qua.csv"));
    expect((await stored(p, inNamPo.id))[0]).toBe("met");
    expect((await stored(p, inMuongCha.id))[0]).toBe("not_met");
    const ungrouped = csvFile([
      ["STT", "Tên xã", "TC1"],
      [1, "Xã Nà Bủng", "Đạt"],
    ]);
    expect((await previewImport(p.db, p.planner, input(p, ungrouped, "ket-qua.csv"))).issues).toMatchObject([
      { row: 2, message: "imports.errors.unitNameAmbiguous" },
    ]);
  });

  it("refuses a file with a wrong code, an unknown result and a commune named twice, naming those rows", async () => {
    const p = await province();
    const file = csvFile([
      ["Mã xã", "Tên xã", "TC1", "TC2"],
      [p.naTo.code, "Xã Na Tở", "Đạt", "Đạt"],
      ["99999", "Xã Không Có", "Đạt", ""],
      [p.naTo2.code, "Xã Nà Tở", "Đạt rồi", ""],
      [p.naHy.code, "Xã Nà Hỳ", "Đạt", ""],
      ["", "Xã Nà Hỳ", "Chưa đạt", ""],
    ]);
    const error = await applyImport(p.db, p.planner, input(p, file, "ket-qua.csv")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect((error as ImportRejected).report.issues.map((i) => [i.row, i.column, i.message, i.params])).toEqual([
      [3, "Mã xã", "imports.errors.unitUnknown", { code: "99999" }],
      [4, "TC1", "imports.errors.badResult", { value: "Đạt rồi" }],
      [5, "Mã xã", "imports.errors.duplicateRow", { rows: "6" }],
      [6, "Mã xã", "imports.errors.duplicateRow", { rows: "5" }],
    ]);
    expect((error as ImportRejected).report.counts).toEqual({ create: 2, update: 0, unchanged: 0, errorRows: 4 });
    expect(await stored(p, p.naTo.id)).toEqual([null, null, null, null, null]);
  });
});
