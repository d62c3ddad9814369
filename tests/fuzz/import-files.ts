import ExcelJS from "exceljs";
import { type Random, mutateBytes, truncateBytes } from "./random";

/**
 * Broken spreadsheets for the import fuzz test, made from a valid file of the kind: bytes
 * flipped, cut short, a zip whose central directory lies, a cell of megabytes, the text in
 * another encoding, a binary renamed .csv, and plain random bytes.
 */

export interface FuzzFile {
  how: string;
  fileName: string;
  content: Uint8Array;
}

const encodeLatin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0) & 0xff));
const encodeUtf16 = (text: string) => new Uint8Array(Buffer.from(`\uFEFF${text}`, "utf16le"));

async function workbookWith(rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Bảng 1");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Sets the declared unpacked size of every central-directory entry of a zip (a "zip bomb" header). */
function inflateDeclaredSizes(zip: Uint8Array, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  for (let i = 0; i + 46 <= bytes.length; i++)
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  return bytes;
}

/** One broken file, from the valid CSV text and XLSX bytes of the same table. */
export async function brokenFile(
  random: Random,
  kind: string,
  csv: string,
  xlsx: Uint8Array,
  rows: string[][],
): Promise<FuzzFile> {
  const csvBytes = new TextEncoder().encode(csv);
  const asCsv = (how: string, content: Uint8Array) => ({ how, fileName: `${kind}.csv`, content });
  const asXlsx = (how: string, content: Uint8Array) => ({ how, fileName: `${kind}.xlsx`, content });
  switch (random.int(16)) {
    case 0:
      return asCsv("csv with bytes changed", mutateBytes(random, csvBytes));
    case 1:
      return asCsv("csv cut short", truncateBytes(random, csvBytes));
    case 2:
      return asXlsx("xlsx with bytes changed", mutateBytes(random, xlsx));
    case 3:
      return asXlsx("xlsx cut short", truncateBytes(random, xlsx));
    case 4:
      return asCsv("csv in Latin-1", encodeLatin1(csv));
    case 5:
      return asCsv("csv in UTF-16", encodeUtf16(csv));
    case 6:
      return asCsv(
        "csv with a cell of megabytes",
        new TextEncoder().encode(`${csv.trimEnd()}${"ạ".repeat(1_000_000 + random.int(1_000_000))}\r\n`),
      );
    case 7:
      return asXlsx(
        "xlsx with a cell of megabytes",
        await workbookWith([...rows, [rows[1]?.[0] ?? "X", "Đ".repeat(500_000 + random.int(500_000))]]),
      );
    case 8:
      return asCsv("xlsx renamed .csv", xlsx);
    case 9:
      return asXlsx("csv renamed .xlsx", csvBytes);
    case 10:
      return asXlsx("zip declaring gigabytes", inflateDeclaredSizes(xlsx, 0x7fff_ffff));
    case 11:
      return random.chance(0.5)
        ? asCsv("random bytes", random.bytes(1 + random.int(4096)))
        : asXlsx(
            "zip header then random bytes",
            Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...random.bytes(random.int(4096))]),
          );
    case 12:
      return asCsv(
        "unbalanced quotes and stray separators",
        new TextEncoder().encode(csv.replace(/,/g, () => random.pick([",", ";", "\t", '"', '""', "\n"]))),
      );
    case 13:
      return asCsv("more than the size limit", new Uint8Array(10 * 1024 * 1024 + 1 + random.int(1000)).fill(0x41));
    case 14:
      return {
        how: "wrong extension",
        fileName: random.pick([`${kind}.xls`, `${kind}.csv.exe`, `${kind}`, ".csv ", `${kind}.ods`]),
        content: csvBytes,
      };
    default:
      return asCsv(
        "a thousand columns",
        new TextEncoder().encode(
          `${Array.from({ length: 1000 }, (_, i) => `C${i}`).join(",")}\r\n${"1,".repeat(999)}1\r\n`,
        ),
      );
  }
}
