import { Document, Packer, Paragraph } from "docx";
import ExcelJS from "exceljs";
import sharp from "sharp";

/** Real files of each kind, made for the tests: what officials attach. */
export const photo = (width = 1600, height = 1200) =>
  sharp({ create: { width, height, channels: 3, background: "#3a7d44" } })
    .jpeg()
    .toBuffer();
export const png = () =>
  sharp({ create: { width: 40, height: 30, channels: 4, background: "#ffffff" } })
    .png()
    .toBuffer();

/** A one-page PDF, as a scanner writes the signed copy (the smallest valid file). */
export function pdf(text = "Ban ky") {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    `<< /Length ${text.length + 22} >>\nstream\nBT /F1 12 Tf (${text}) Tj ET\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets = objects.map((object, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

export const docx = async () =>
  Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Biên bản nghiệm thu")] }] }));

export async function xlsx() {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Giải ngân").addRow(["Nguồn vốn", 1000]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
