import type { JSONContent } from "@tiptap/core";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildActor, buildPlan, buildPlanningItems, buildProgram, buildUnitTree } from "../../tests/factories";
import { FRAGMENT, contentOf, plainText, toYdoc } from "../documents/content";
import { appendUpdate } from "../documents/storage";
import { getDb } from "../db/client";
import type { Actor } from "../policies/actor";
import { findPlansByReference } from "./find-plans";
import { exportPlan } from "./plan-document";
import type { ExportFile } from "./export-file";
import { readDocx } from "./read-docx";
import { readPdf, wordsMissing } from "./read-pdf";

const text = (value: string, marks?: JSONContent["marks"]): JSONContent => ({
  type: "text",
  text: value,
  ...(marks ? { marks } : {}),
});
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const cell = (value: string, type = "tableCell"): JSONContent => ({ type, content: [paragraph(text(value))] });

/** A text with each kind of block the editor makes. */
const CONTENT: JSONContent = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [text("I. MỤC ĐÍCH, YÊU CẦU")] },
    paragraph(
      text("Hoàn thành tiêu chí số 5 "),
      text("Trường học", [{ type: "bold" }]),
      text(" theo "),
      text("hướng dẫn", [{ type: "link", attrs: { href: "https://chungtay.vn/huong-dan" } }]),
      text("."),
    ),
    {
      type: "bulletList",
      content: ["Xây phòng học kiên cố", "Bổ sung nhà công vụ"].map((item) => ({
        type: "listItem",
        content: [paragraph(text(item))],
      })),
    },
    {
      type: "orderedList",
      attrs: { start: 1 },
      content: ["Khảo sát", "Triển khai"].map((item) => ({ type: "listItem", content: [paragraph(text(item))] })),
    },
    {
      type: "table",
      content: [
        { type: "tableRow", content: [cell("Nội dung", "tableHeader"), cell("Thời gian", "tableHeader")] },
        { type: "tableRow", content: [cell("Mua sắm thiết bị dạy học"), cell("Quý II")] },
      ],
    },
  ],
};

describe("plan export to DOCX and PDF (Decree 30/2020/NĐ-CP)", () => {
  const db = () => getDb();
  let tree: Awaited<ReturnType<typeof buildUnitTree>>;
  let author: Actor;
  let plan: { id: string; number: string | null; symbol: string };
  let docx: Awaited<ReturnType<typeof readDocx>>;
  let pdfFile: ExportFile;
  let pdf: Awaited<ReturnType<typeof readPdf>>;

  beforeAll(async () => {
    tree = await buildUnitTree(db());
    const program = await buildProgram(db());
    author = await buildActor(db(), "planner", [tree.commune]);
    const head = await buildActor(db(), "leader", [tree.commune], "Lò Văn Hùng");
    await db().user.update({ where: { id: head.userId }, data: { title: "Chủ tịch UBND xã" } });
    plan = await buildPlan(db(), {
      unit: tree.commune,
      program,
      author,
      title: "Kế hoạch thực hiện tiêu chí Trường học năm 2025",
      year: 2025,
    });
    await db().plan.update({ where: { id: plan.id }, data: { issuedOn: new Date("2025-03-05") } });
    await buildPlanningItems(db(), plan, tree.commune);

    // The stored document, as the collaboration server compacts it…
    const doc = toYdoc(CONTENT);
    const state = Y.encodeStateAsUpdate(doc);
    await db().planDocument.create({
      data: {
        planId: plan.id,
        state: Buffer.from(state),
        content: contentOf(doc) as object,
        text: plainText(CONTENT),
        sizeBytes: state.length,
      },
    });
    // …and an edit still in the log, not yet folded into PlanDocument.content.
    const before = Y.encodeStateVector(doc);
    const added = new Y.XmlElement("paragraph");
    added.insert(0, [new Y.XmlText("Đoạn bổ sung chưa gộp vào bản lưu.")]);
    doc.getXmlFragment(FRAGMENT).push([added]);
    await appendUpdate(db(), plan.id, Y.encodeStateAsUpdate(doc, before), author.userId);

    docx = await readDocx((await exportPlan(db(), author, plan.id, "docx")).data);
    pdfFile = await exportPlan(db(), author, plan.id, "pdf");
    pdf = await readPdf(pdfFile.data);
  });

  it("heads the first page with the issuing body, the national motto, the number and the place and date", () => {
    const { paragraphs, paragraph } = docx;
    expect(paragraphs.slice(0, 8)).toEqual([
      "ỦY BAN NHÂN DÂN",
      "XÃ MỘT",
      "",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "",
      `Số: ${plan.number}/${plan.symbol}`,
      "Một, ngày 05 tháng 3 năm 2025",
    ]);
    expect(paragraph("CỘNG HÒA XÃ HỘI")).toMatch(/<w:b\/>/);
    expect(paragraph("Độc lập - Tự do")).toMatch(/<w:b\/>/);
    expect(paragraph("XÃ MỘT")).toMatch(/<w:b\/>/);
    expect(paragraph("ngày 05 tháng 3")).toMatch(/<w:i\/>/);
    // The title's leading "Kế hoạch" is the kind of document, already written above it.
    expect(paragraphs.slice(8, 10)).toEqual(["KẾ HOẠCH", "Thực hiện tiêu chí Trường học năm 2025"]);
  });

  it("writes the live text: headings, marks, links, lists, tables and edits not yet compacted", () => {
    const { paragraphs, document, paragraph, numbering } = docx;
    expect(paragraph("I. MỤC ĐÍCH, YÊU CẦU")).toContain('<w:pStyle w:val="Heading2"/>');
    expect(paragraphs).toContain("Hoàn thành tiêu chí số 5 Trường học theo hướng dẫn.");
    expect(paragraph("Hoàn thành tiêu chí")).toMatch(/<w:hyperlink/);
    expect(paragraph("Xây phòng học kiên cố")).toContain("<w:numPr>");
    expect(paragraph("Triển khai")).toContain("<w:numPr>");
    expect(numbering).toContain('w:val="-"');
    // The header, the text's own table, the signature block and five annex tables.
    const tables = document.split("<w:tbl>").slice(1);
    expect(tables).toHaveLength(8);
    expect(tables[1]).toMatch(/Nội dung.*Thời gian.*Mua sắm thiết bị dạy học.*Quý II/);
    expect(paragraph("Thời gian")).toMatch(/<w:b\/>/);
    expect(paragraphs).toContain("Đoạn bổ sung chưa gộp vào bản lưu.");
  });

  it("signs for the People's Committee by its chair, after the recipients", () => {
    const { paragraphs } = docx;
    const at = paragraphs.indexOf("Nơi nhận:");
    expect(at).toBeGreaterThan(paragraphs.indexOf("Đoạn bổ sung chưa gộp vào bản lưu."));
    expect(paragraphs.slice(at, at + 6)).toEqual([
      "Nơi nhận:",
      "- Như trên;",
      "- Lưu: VT.",
      "TM. ỦY BAN NHÂN DÂN",
      "CHỦ TỊCH",
      "Lò Văn Hùng",
    ]);
  });

  it("adds the targets, milestones, budget and shortages as annexes, with the figures the tabs compute", () => {
    const { paragraphs } = docx;
    expect(paragraphs).toEqual(
      expect.arrayContaining([
        "Phụ lục I",
        "MỤC TIÊU",
        "Phụ lục II",
        "MỐC TIẾN ĐỘ",
        "Phụ lục III",
        "KINH PHÍ",
        "Phụ lục IV",
        "THIẾU HỤT",
      ]),
    );
    expect(paragraphs).toContain(
      `(Kèm theo Kế hoạch số ${plan.number}/${plan.symbol} ngày 05 tháng 3 năm 2025 của Ủy ban nhân dân xã Một)`,
    );
    // Targets: 21,84 (2021) → 54 (2025), 35,5 measured in 2023: (35,5 − 21,84) / (54 − 21,84) = 42,48%.
    expect(paragraphs).toEqual(
      expect.arrayContaining(["Thu nhập bình quân", "21,84 (2021)", "54 (2025)", "35,5 (2023)", "42,48%"]),
    );
    // Milestones, with dates as dd/MM/yyyy and the status label of the interface.
    expect(paragraphs).toEqual(expect.arrayContaining(["Khởi công nhà bán trú", "Xã Một", "01/02/2025", "31/08/2025"]));
    expect(paragraphs.some((p) => p.startsWith("Chưa bắt đầu"))).toBe(true);
    // Budget: 17,082 of 20,586 tỷ disbursed is 82,98%, on the line and in the totals, every amount in
    // the one unit the table states above it (never "20.586 tỷ", which reads as 20 thousand tỷ).
    const budget = paragraphs.indexOf("KINH PHÍ");
    expect(paragraphs.slice(budget + 4, budget + 26)).toEqual([
      "Đơn vị tính: triệu đồng",
      "TT",
      "Nguồn vốn",
      "Năm",
      "Nội dung",
      "Bố trí",
      "Giải ngân",
      "Tỷ lệ giải ngân",
      "1",
      "Ngân sách trung ương",
      "2025",
      "",
      "20.586",
      "17.082",
      "82,98%",
      "",
      "Tổng cộng",
      "",
      "",
      "20.586",
      "17.082",
      "82,98%",
    ]);
    expect(paragraphs).toEqual(expect.arrayContaining(["Hiến đất (m²)", "1.250,5"]));
    expect(paragraphs.filter((p) => p === "82,98%")).toHaveLength(2);
    expect(paragraphs.some((p) => /tỷ đồng|\(đồng\)/.test(p))).toBe(false);
    // Shortages, their cost in the unit stated above the table.
    const shortages = paragraphs.indexOf("THIẾU HỤT");
    expect(paragraphs.slice(shortages + 4, shortages + 19)).toEqual([
      "Đơn vị tính: triệu đồng",
      "TT",
      "Loại",
      "Chi tiết",
      "Xã / trường",
      "Số lượng",
      "Kinh phí ước tính",
      "Trạng thái",
      "1",
      "Phòng bán trú, nội trú",
      "",
      "Xã Một",
      "12 phòng",
      "3.600",
      "Chưa giải quyết",
    ]);
  });

  it("sets A4, the Decree's margins and Times New Roman throughout", () => {
    const { document, styles } = docx;
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(document)![1]!;
    // 20 mm top and bottom, 30 mm left, 15 mm right, in twips.
    expect(margins).toContain('w:top="1134"');
    expect(margins).toContain('w:bottom="1134"');
    expect(margins).toContain('w:left="1701"');
    expect(margins).toContain('w:right="850"');
    expect(styles).toMatch(
      /<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/><w:sz w:val="28"\/>/,
    );
    const fonts = new Set(
      [...`${document}${styles}`.matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"/g)].map((m) => m[1]),
    );
    expect([...fonts]).toEqual(["Times New Roman"]);
  });

  it("draws the same document as a PDF: the national heading, number and title on its first page", () => {
    expect(pdfFile.filename).toBe(`${plan.number}-${plan.symbol}.pdf`);
    expect(pdfFile.contentType).toBe("application/pdf");
    const [first, ...rest] = pdf.pages;
    expect(first!.slice(0, 8)).toEqual([
      "ỦY BAN NHÂN DÂN",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "XÃ MỘT",
      "Độc lập - Tự do - Hạnh phúc",
      `Số: ${plan.number}/${plan.symbol}`,
      "Một, ngày 05 tháng 3 năm 2025",
      "KẾ HOẠCH",
      "Thực hiện tiêu chí Trường học năm 2025",
    ]);
    expect(pdf.info.Title).toBe(`${plan.number}/${plan.symbol} — Kế hoạch thực hiện tiêu chí Trường học năm 2025`);
    // From the second page on, the page number heads the page; the first has none.
    expect(rest.map((page) => page[0])).toEqual(rest.map((_, i) => String(i + 2)));
    expect(rest.flat()).toEqual(expect.arrayContaining(["Phụ lục III", "KINH PHÍ", "Đơn vị tính: triệu đồng"]));
  });

  it("says in the PDF word for word what the DOCX says", () => {
    // The DOCX's list markers and numbers are Word's numbering, not text: the PDF writes them.
    expect(wordsMissing([...docx.paragraphs, "-", "-", "1.", "2."], pdf.pages)).toEqual([]);
    // And nothing else: its words are the DOCX's and the page numbers.
    const said = pdf.pages.flatMap(([first, ...lines], i) => (i === 0 ? [first!, ...lines] : lines));
    expect(wordsMissing(said, [[...docx.paragraphs, "-", "-", "1.", "2."]])).toEqual([]);
  });

  it("embeds its font, metric-compatible with Times New Roman, so that it prints the same anywhere", () => {
    expect(pdf.fonts.length).toBeGreaterThan(0);
    for (const font of pdf.fonts) expect(font).toMatch(/^[A-Z]{6}\+Tinos-(Regular|Bold|Italic|BoldItalic)$/);
    expect(pdf.embedded).toBe(true);
  });

  it("gives a plan its reader may not see as NOT_FOUND, like the plan page", async () => {
    const neighbour = await buildActor(db(), "planner", [tree.neighbour]);
    await expect(exportPlan(db(), neighbour, plan.id, "docx")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(exportPlan(db(), author, "khong-co", "docx")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("finds a plan by number and symbol, narrowed by unit when two units used the same", async () => {
    const program = await buildProgram(db());
    const neighbourAuthor = await buildActor(db(), "planner", [tree.neighbour]);
    const same = await buildPlan(db(), { unit: tree.neighbour, program, author: neighbourAuthor });
    await db().plan.update({ where: { id: same.id }, data: { number: plan.number, symbol: plan.symbol } });
    const leader = await buildActor(db(), "leader", [tree.district]);
    const ref = `${plan.number}/${plan.symbol.toLowerCase()}`;
    expect((await findPlansByReference(db(), leader, ref)).map((p) => p.id).sort()).toEqual([plan.id, same.id].sort());
    expect((await findPlansByReference(db(), leader, ref, tree.neighbour.code)).map((p) => p.id)).toEqual([same.id]);
    expect((await findPlansByReference(db(), neighbourAuthor, ref)).map((p) => p.id)).toEqual([same.id]);
    expect((await findPlansByReference(db(), author, plan.id)).map((p) => p.id)).toEqual([plan.id]);
  });
});
