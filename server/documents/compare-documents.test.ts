import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { compareDocuments } from "./compare-documents";

const paragraph = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }] });
const cell = (text: string, header = false): JSONContent => ({
  type: header ? "tableHeader" : "tableCell",
  content: [paragraph(text)],
});
const table = (head: string[], ...rows: string[][]): JSONContent => ({
  type: "table",
  content: [
    { type: "tableRow", content: head.map((text) => cell(text, true)) },
    ...rows.map((row) => ({ type: "tableRow", content: row.map((text) => cell(text)) })),
  ],
});
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });

const HEAD = ["Xã", "Phòng bán trú", "Kinh phí (triệu đồng)"];
const before = doc(
  paragraph("Nhu cầu phòng bán trú năm 2025:"),
  table(HEAD, ["Quài Nưa", "6", "1.800"], ["Quài Cang", "4", "1.200"]),
  paragraph("Nguồn vốn: ngân sách trung ương."),
);

/** What a table became: each row's change, and each cell's change and words. */
const tables = (content: JSONContent) =>
  compareDocuments(before, content).flatMap((block) =>
    block.kind === "table"
      ? [{ change: block.change, rows: block.rows.map((row) => [row.change, ...row.cells.map((c) => c.change)]) }]
      : [],
  );

describe("comparing a version with the current text", () => {
  it("keeps a table a table, and marks the cell that changed with its words", () => {
    const after = doc(
      paragraph("Nhu cầu phòng bán trú năm 2025:"),
      table(HEAD, ["Quài Nưa", "8", "1.800"], ["Quài Cang", "4", "1.200"]),
      paragraph("Nguồn vốn: ngân sách trung ương."),
    );
    const blocks = compareDocuments(before, after);
    expect(blocks.map((block) => block.kind)).toEqual(["text", "table", "text"]);
    expect(tables(after)).toEqual([
      {
        change: "changed",
        rows: [
          ["same", "same", "same", "same"],
          ["changed", "same", "changed", "same"],
          ["same", "same", "same", "same"],
        ],
      },
    ]);
    const edited = blocks[1]!;
    const changed = edited.kind === "table" ? edited.rows[1]!.cells[1]! : null;
    expect(changed?.parts).toEqual([
      { value: "6", change: "removed" },
      { value: "8", change: "added" },
    ]);
    // Text around the table is compared word by word, and here unchanged.
    expect(blocks[0]).toEqual({ kind: "text", parts: [{ value: "Nhu cầu phòng bán trú năm 2025:", change: "same" }] });
  });

  it("shows added and removed rows and columns, and whole tables added or removed", () => {
    expect(tables(doc(paragraph("Nhu cầu phòng bán trú năm 2025:"), table(HEAD, ["Quài Nưa", "6", "1.800"])))).toEqual([
      {
        change: "changed",
        rows: [
          ["same", "same", "same", "same"],
          ["same", "same", "same", "same"],
          ["removed", "removed", "removed", "removed"],
        ],
      },
    ]);
    const wider = table([...HEAD, "Ghi chú"], ["Quài Nưa", "6", "1.800", ""], ["Quài Cang", "4", "1.200", ""]);
    // A new header is a new first row: the table is still paired with the old one, in place.
    expect(tables(doc(paragraph("Nhu cầu phòng bán trú năm 2025:"), wider))[0]!.rows[0]).toEqual([
      "changed",
      "same",
      "same",
      "same",
      "added",
    ]);
    const blocks = compareDocuments(doc(paragraph("Không có bảng.")), before);
    expect(blocks.filter((b) => b.kind === "table").map((b) => b.kind === "table" && b.change)).toEqual(["added"]);
    expect(
      compareDocuments(before, doc(paragraph("Nhu cầu phòng bán trú năm 2025:"))).find((b) => b.kind === "table"),
    ).toMatchObject({ change: "removed" });
  });

  it("pairs tables by their header, so inserting a table before another does not compare the wrong ones", () => {
    const other = table(["Trường", "Giáo viên thiếu"], ["THCS Quài Nưa", "3"]);
    const after = doc(
      paragraph("Nhu cầu phòng bán trú năm 2025:"),
      other,
      table(HEAD, ["Quài Nưa", "6", "1.800"], ["Quài Cang", "4", "1.200"]),
      paragraph("Nguồn vốn: ngân sách trung ương."),
    );
    expect(tables(after).map((t) => t.change)).toEqual(["added", "same"]);
  });
});
