import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import type { OfficialDocument } from "./official-document";
import { readPdf } from "./read-pdf";
import { renderPdf } from "./render-pdf";

const text = (value: string): JSONContent => ({ type: "text", text: value });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const cell = (value: string, attrs: Record<string, number> = {}, type = "tableCell"): JSONContent => ({
  type,
  attrs,
  content: [paragraph(text(value))],
});
const row = (...cells: JSONContent[]): JSONContent => ({ type: "tableRow", content: cells });

const document = (content: JSONContent[]): OfficialDocument => ({
  name: "1/KH-UBND",
  title: "1/KH-UBND — Kế hoạch thử",
  subject: "Kế hoạch thử",
  header: {
    issuer: {
      governing: null,
      name: ["ỦY BAN NHÂN DÂN", "XÃ MỘT"],
      fullName: "Ủy ban nhân dân xã Một",
      place: "Một",
      abbreviation: "UBND",
    },
    reference: "1/KH-UBND",
    date: null,
    year: 2025,
  },
  kind: "KẾ HOẠCH",
  summary: "Thử",
  body: [{ type: "text", content: { type: "doc", content } }],
});

const CONTENT: JSONContent[] = [
  {
    type: "table",
    content: [
      row(cell("Nội dung", { colspan: 2 }, "tableHeader"), cell("Ghi chú", {}, "tableHeader")),
      row(cell("Phòng học", { rowspan: 2 }), cell("Quý I"), cell("Đã có vốn")),
      row(cell("Quý II"), cell("Chờ vốn")),
    ],
  },
  paragraph(),
  {
    type: "orderedList",
    attrs: { start: 3 },
    content: [
      {
        type: "listItem",
        content: [
          paragraph(text("Khảo sát")),
          { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("Điểm trường"))] }] },
        ],
      },
    ],
  },
  { type: "blockquote", content: [paragraph(text("Trích dẫn"))] },
  { type: "codeBlock", content: [text("dòng một\n  dòng hai")] },
  { type: "horizontalRule" },
  { type: "unknownBlock", content: [text("Nội dung lạ vẫn giữ")] },
];

describe("a plan's text in the PDF", () => {
  it("keeps merged cells, nested lists, quotes, code and empty paragraphs", async () => {
    const data = await renderPdf(document(CONTENT));
    const { pages } = await readPdf(data);
    // Lines from the top, each split where cells or columns leave a gap: the merged heading
    // cell, "Phòng học" spanning two rows beside the first, the ordered list counting from 3 and
    // its nested bullet "+", then the quote, the code's lines and the unknown node's text.
    expect(pages.flat().slice(7)).toEqual([
      "Thử",
      "Nội dung",
      "Ghi chú",
      "Phòng học",
      "Quý I",
      "Đã có vốn",
      "Quý II",
      "Chờ vốn",
      "3. Khảo sát",
      "+ Điểm trường",
      "Trích dẫn",
      "dòng một",
      "dòng hai",
      "Nội dung lạ vẫn giữ",
    ]);
  });
});
