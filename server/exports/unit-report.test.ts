import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildActor,
  buildCriteriaSet,
  buildPlan,
  buildPlanningItems,
  buildProgram,
  buildUnit,
  buildUnitTree,
} from "../../tests/factories";
import { getDb } from "../db/client";
import type { AssessmentResult } from "../db/generated/client";
import type { Actor } from "../policies/actor";
import { exportDashboardXlsx } from "./dashboard-xlsx";
import { readDocx } from "./read-docx";
import { readPdf, wordsMissing } from "./read-pdf";
import { exportReport } from "./report-document";

/**
 * A district's report for the first half of 2025, worked out by hand. Three of its communes
 * are assessed in 2025-H1 on a set of three criteria (a fourth only in 2024):
 *
 *            TC1        TC2   TC3        met
 *   Một      met        met   met        3
 *   Hai      advanced   met   not met    2
 *   Ba       not met    met   model      2
 *
 * TC1 2/3 = 66,67% (1 advanced) · TC2 3/3 = 100,00% · TC3 2/3 = 66,67% (1 model);
 * whole set 1/3 = 33,33%; average (3 + 2 + 2) / 3 = 2,33.
 * One plan of commune Một: 17,082 of 20,586 tỷ đồng disbursed (82,98%), one milestone due in
 * 2025 and done, 12 boarding rooms short and covered by that milestone, income 35,5 of
 * 21,84 → 54 (42,48%).
 */
describe("unit report (DOCX, PDF) and tables (XLSX)", () => {
  const db = () => getDb();
  let tree: Awaited<ReturnType<typeof buildUnitTree>>;
  let set: Awaited<ReturnType<typeof buildCriteriaSet>>;
  let leader: Actor;
  let query: { unit: { id: string }; period: string; setCode: string };

  beforeAll(async () => {
    tree = await buildUnitTree(db());
    set = await buildCriteriaSet(db());
    leader = await buildActor(db(), "leader", [tree.district], "Lường Văn Quý");
    await db().user.update({ where: { id: leader.userId }, data: { title: "Phó Chủ tịch UBND huyện" } });
    const ba = await buildUnit(db(), { level: "commune", parent: tree.district, name: "Xã Ba" });
    const bon = await buildUnit(db(), { level: "commune", parent: tree.district, name: "Xã Bốn" });
    const grid: [{ id: string }, string, AssessmentResult[]][] = [
      [tree.commune, "2025-H1", ["met", "met", "met"]],
      [tree.neighbour, "2025-H1", ["advanced", "met", "not_met"]],
      [ba, "2025-H1", ["not_met", "met", "model"]],
      [bon, "2024", ["met", "met", "met"]],
    ];
    await db().criterionAssessment.createMany({
      data: grid.flatMap(([unit, period, results]) =>
        results.map((result, i) => ({ unitId: unit.id, criterionId: set.criteria[i]!.id, period, result })),
      ),
    });
    const author = await buildActor(db(), "planner", [tree.commune]);
    const program = await buildProgram(db());
    const plan = await buildPlan(db(), { unit: tree.commune, program, author, status: "approved" });
    // A draft's figures are proposals: the report leaves them out and says so.
    await buildPlanningItems(db(), await buildPlan(db(), { unit: tree.commune, program, author }), tree.commune);
    const items = await buildPlanningItems(db(), plan, tree.commune);
    await db().milestone.update({ where: { id: items.milestone.id }, data: { status: "done" } });
    query = { unit: { id: tree.district.id }, period: "2025-H1", setCode: set.code };
  });

  it("reports the criteria results per criterion, the whole set and the average, as counted by hand", async () => {
    const file = await exportReport(db(), leader, query, "docx");
    expect(file.filename).toBe("Báo cáo Huyện Thử 2025-H1.docx");
    const { paragraphs } = await readDocx(file.data);
    expect(paragraphs.slice(0, 6)).toEqual([
      "ỦY BAN NHÂN DÂN",
      "HUYỆN THỬ",
      "",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "",
    ]);
    expect(paragraphs[6]).toMatch(/^Số: \s+\/BC-UBND$/);
    expect(paragraphs[7]).toMatch(/^Thử, ngày … tháng … năm \d{4}$/);
    expect(paragraphs.slice(8, 10)).toEqual([
      "BÁO CÁO",
      "Kết quả thực hiện xây dựng nông thôn mới và các kế hoạch 6 tháng đầu năm 2025",
    ]);
    expect(paragraphs).toContain("3 đơn vị được đánh giá; đạt toàn bộ tiêu chí: 1; bình quân 2,33 tiêu chí/đơn vị.");

    const table = paragraphs.slice(paragraphs.indexOf("TC"));
    expect(table.slice(0, 6)).toEqual(["TC", "Tiêu chí", "Đạt/đơn vị", "Tỷ lệ", "Nâng cao", "Kiểu mẫu"]);
    expect(table.slice(6, 24)).toEqual([
      "1",
      "Tiêu chí 1",
      "2/3",
      "66,67%",
      "1",
      "0",
      "2",
      "Tiêu chí 2",
      "3/3",
      "100,00%",
      "0",
      "0",
      "3",
      "Tiêu chí 3",
      "2/3",
      "66,67%",
      "0",
      "1",
    ]);
    expect(table.slice(24, 36)).toEqual([
      "",
      "Đạt toàn bộ",
      "1/3",
      "33,33%",
      "",
      "",
      "",
      "Bình quân tiêu chí",
      "2,33",
      "",
      "",
      "",
    ]);
  });

  it("adds what the plans beneath add up to in the year, and the signature of the unit's head", async () => {
    const { paragraphs } = await readDocx((await exportReport(db(), leader, query, "docx")).data);
    expect(paragraphs).toContain("II. THỰC HIỆN KẾ HOẠCH NĂM 2025");
    expect(paragraphs).toContain("Số liệu của các kế hoạch đã phê duyệt; 1 kế hoạch chưa phê duyệt không được tính.");
    // Money in a sentence in tỷ with a decimal comma; in the tables, one unit stated above each.
    expect(paragraphs).toContain("Đã giải ngân 17,082 tỷ đồng / 20,586 tỷ đồng (82,98%).");
    const budget = paragraphs.indexOf("Ngân sách trung ương");
    expect(paragraphs.slice(budget - 5, budget + 8)).toEqual([
      "Đơn vị tính: triệu đồng",
      "Nguồn vốn",
      "Bố trí",
      "Giải ngân",
      "Tỷ lệ giải ngân",
      "Ngân sách trung ương",
      "20.586",
      "17.082",
      "82,98%",
      "Tổng cộng",
      "20.586",
      "17.082",
      "82,98%",
    ]);
    expect(paragraphs).toContain("1 mốc đến hạn; 1 hoàn thành; 0 quá hạn.");
    const shortage = paragraphs.indexOf("Phòng bán trú, nội trú");
    expect(paragraphs.slice(shortage - 7, shortage + 6)).toEqual([
      "Đơn vị tính: triệu đồng",
      "Loại",
      "Đơn vị tính",
      "Chưa giải quyết",
      "Đã có mốc hoặc vốn",
      "Tỷ lệ",
      "Kinh phí ước tính",
      "Phòng bán trú, nội trú",
      "phòng",
      "12",
      "12",
      "100,00%",
      "3.600",
    ]);
    expect(paragraphs.some((p) => /\d tỷ đồng/.test(p) && !p.startsWith("Đã giải ngân"))).toBe(false);
    expect(paragraphs).toEqual(expect.arrayContaining(["Thu nhập bình quân", "35,5 (2023)", "42,48%"]));
    const at = paragraphs.indexOf("Nơi nhận:");
    expect(paragraphs.slice(at + 3, at + 7)).toEqual([
      "TM. ỦY BAN NHÂN DÂN",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
      "Lường Văn Quý",
    ]);
  });

  it("draws the same report as a PDF, the national heading and its title on the first page", async () => {
    const file = await exportReport(db(), leader, query, "pdf");
    expect(file.filename).toBe("Báo cáo Huyện Thử 2025-H1.pdf");
    expect(file.contentType).toBe("application/pdf");
    const { pages, embedded } = await readPdf(file.data);
    expect(pages[0]!.slice(0, 4)).toEqual([
      "ỦY BAN NHÂN DÂN",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "HUYỆN THỬ",
      "Độc lập - Tự do - Hạnh phúc",
    ]);
    // Room left for the number, which the clerk writes in when the report is registered.
    expect(pages[0]!.slice(4, 6)).toEqual(["Số:", "/BC-UBND"]);
    expect(pages[0]![7]).toBe("BÁO CÁO");
    // The summary is longer than a line, as in Word with the same metrics.
    expect(pages[0]!.slice(8, 10).join(" ")).toBe(
      "Kết quả thực hiện xây dựng nông thôn mới và các kế hoạch 6 tháng đầu năm 2025",
    );
    expect(embedded).toBe(true);
    // Word for word what the DOCX says.
    const { paragraphs } = await readDocx((await exportReport(db(), leader, query, "docx")).data);
    expect(wordsMissing(paragraphs, pages)).toEqual([]);
  });

  it("writes the roll-ups as a workbook with numbers as numbers", async () => {
    const file = await exportDashboardXlsx(db(), leader, query);
    expect(file.filename).toBe("Tổng hợp Huyện Thử 2025-H1.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.data as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Kết quả theo tiêu chí",
      "Số đơn vị theo số tiêu chí đạt",
      "Kinh phí",
      "Mốc tiến độ",
      "Thiếu hụt",
      "Mục tiêu",
    ]);

    const criteria = workbook.getWorksheet("Kết quả theo tiêu chí")!;
    const values = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(criteria, 2)).toEqual(["TC", "Tiêu chí", "Đạt", "Đơn vị", "Tỷ lệ (%)", "Nâng cao", "Kiểu mẫu"]);
    expect(criteria.getRow(2).getCell(1).font?.bold).toBe(true);
    expect(values(criteria, 3)).toEqual([1, "Tiêu chí 1", 2, 3, 66.67, 1, 0]);
    expect(values(criteria, 4)).toEqual([2, "Tiêu chí 2", 3, 3, 100, 0, 0]);
    expect(values(criteria, 5)).toEqual([3, "Tiêu chí 3", 2, 3, 66.67, 0, 1]);
    expect(criteria.getCell("E3").numFmt).toBe("0.00");
    expect(values(criteria, 8)).toEqual([undefined, "Số đơn vị được đánh giá", 3]);
    expect(values(criteria, 9)).toEqual([undefined, "Đạt toàn bộ", 1]);
    expect(values(criteria, 10)).toEqual([undefined, "Bình quân tiêu chí", 2.33]);

    expect(values(workbook.getWorksheet("Số đơn vị theo số tiêu chí đạt")!, 3)).toEqual([0, 0]);
    expect(values(workbook.getWorksheet("Số đơn vị theo số tiêu chí đạt")!, 5)).toEqual([2, 2]);

    // Money in the unit stated at the right of the title line, as numbers with that unit's format.
    const money = workbook.getWorksheet("Kinh phí")!;
    expect(money.getCell("D1").value).toBe("Đơn vị tính: triệu đồng");
    expect(values(money, 2)).toEqual(["Nguồn vốn", "Bố trí", "Giải ngân", "Tỷ lệ (%)"]);
    expect(values(money, 3)).toEqual(["Ngân sách trung ương", 20_586, 17_082, 82.98]);
    expect(values(money, 4)).toEqual(["Tổng cộng", 20_586, 17_082, 82.98]);
    expect(money.getCell("B3").numFmt).toBe("#,##0");
    expect(money.getCell("A4").font?.bold).toBe(true);

    const shortages = workbook.getWorksheet("Thiếu hụt")!;
    expect(shortages.getCell("F1").value).toBe("Đơn vị tính: triệu đồng");
    expect(values(shortages, 2)[5]).toBe("Kinh phí ước tính");
    expect(values(shortages, 3)).toEqual(["Phòng bán trú, nội trú", "phòng", 12, 12, 100, 3_600]);
    expect(values(workbook.getWorksheet("Mục tiêu")!, 3)).toEqual([
      "Thu nhập bình quân",
      expect.stringMatching(/^\d+\/KH-/),
      "Xã Một",
      "triệu đồng/người/năm",
      2025,
      35.5,
      "2023",
      42.48,
      "Chưa đạt",
    ]);
  });

  it("refuses a unit the actor may not roll up, and a bad period, as the dashboard does", async () => {
    const communeLeader = await buildActor(db(), "leader", [tree.neighbour]);
    await expect(exportReport(db(), communeLeader, query, "docx")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      exportDashboardXlsx(db(), communeLeader, { ...query, unit: { id: tree.commune.id } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(exportReport(db(), leader, { ...query, period: "2025-Q1" }, "docx")).rejects.toMatchObject({
      fieldErrors: { period: ["validation.period"] },
    });
  });
});
