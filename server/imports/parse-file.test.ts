import { describe, expect, it } from "vitest";
import { readWorkbook } from "./parse-file";
import { MAX_FILE_BYTES } from "./types";
import { csvFile, xlsxFile } from "./test-files";

/** Reading files into rows, whatever Excel or a careless rename produced. */

const issueOf = async (name: string, content: Uint8Array) => {
  const read = await readWorkbook(name, content);
  if (read.ok) expect.fail("the file should have been refused");
  return read.issue;
};

describe("reading import files", () => {
  it("reads a UTF-8 CSV with a byte order mark and semicolons, numbering rows as the spreadsheet does", async () => {
    const content = csvFile(
      [
        ["Mã đơn vị", "Tên đơn vị", "TC1"],
        ["03180", "Xã Quài Nưa", "Đạt"],
        ["", "", ""],
        ["03181", "Xã Mường Thín; bản Thín", "Chưa đạt"],
      ],
      { delimiter: ";", bom: true },
    );
    const read = await readWorkbook("bang-tieu-chi.CSV", content);
    expect(read).toEqual({
      ok: true,
      sheets: [
        {
          name: "bang-tieu-chi",
          rows: [
            { row: 1, cells: ["Mã đơn vị", "Tên đơn vị", "TC1"] },
            { row: 2, cells: ["03180", "Xã Quài Nưa", "Đạt"] },
            { row: 4, cells: ["03181", "Xã Mường Thín; bản Thín", "Chưa đạt"] },
          ],
        },
      ],
    });
  });

  it("reads an XLSX workbook, the first sheet with data, numbers and dates as text", async () => {
    const content = await xlsxFile([
      ["Mã", "Số tiền", "Ngày"],
      ["03180", 1_250_000, new Date(Date.UTC(2025, 2, 5))],
    ]);
    const read = await readWorkbook("giai-ngan.xlsx", content);
    expect(read).toEqual({
      ok: true,
      sheets: [
        {
          name: "Bảng 1",
          rows: [
            { row: 1, cells: ["Mã", "Số tiền", "Ngày"] },
            { row: 2, cells: ["03180", "1250000", "2025-03-05"] },
          ],
        },
      ],
    });
  });

  it("refuses what is not a CSV or XLSX file, with a file-level reason", async () => {
    expect(await issueOf("bang.pdf", csvFile([["a"], ["b"]]))).toMatchObject({
      row: null,
      message: "imports.errors.fileType",
    });
    expect(await issueOf("bang.csv", new Uint8Array())).toMatchObject({ message: "imports.errors.fileEmpty" });
    expect(
      await issueOf("anh.csv", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
    ).toMatchObject({ message: "imports.errors.fileBinary" });
    expect(await issueOf("bang.csv", await xlsxFile([["Mã"], ["1"]]))).toMatchObject({
      message: "imports.errors.fileLooksXlsx",
    });
    expect(await issueOf("bang.xlsx", csvFile([["Mã"], ["1"]]))).toMatchObject({
      message: "imports.errors.fileNotXlsx",
    });
    // Windows-1258 / Latin-1 bytes are not UTF-8.
    expect(await issueOf("bang.csv", new Uint8Array([0x4d, 0xe3, 0x0a, 0x31, 0x0a]))).toMatchObject({
      message: "imports.errors.fileEncoding",
    });
    expect(await issueOf("bang.csv", new Uint8Array(MAX_FILE_BYTES + 1).fill(0x41))).toMatchObject({
      message: "imports.errors.fileTooLarge",
      params: { max: 10 },
    });
  });

  it("refuses a file without any row, and a CSV whose quotes do not close", async () => {
    expect(await issueOf("bang.csv", new TextEncoder().encode("\uFEFF\r\n;;;\r\n"))).toMatchObject({
      message: "imports.errors.noHeader",
    });
    expect(await issueOf("bang.csv", new TextEncoder().encode('Mã,Tên\n03180,"Xã Quài Nưa\n'))).toMatchObject({
      message: "imports.errors.fileUnreadable",
    });
  });
});
