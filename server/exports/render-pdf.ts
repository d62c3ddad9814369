import pdfmake from "pdfmake";
import type { Content } from "pdfmake/interfaces";
import {
  annexHeading,
  bodyParagraph,
  dataTable,
  documentHeader,
  documentTitle,
  pdfPage,
  sectionHeading,
  signatureBlock,
  tableNote,
} from "./decree30-pdf";
import type { Block, OfficialDocument } from "./official-document";
import { pdfFonts } from "./pdf-fonts";
import { proseMirrorToPdf } from "./prosemirror-pdf";

// Everything a document needs is in it or in the fonts: pdfmake reads no other file and fetches
// no address (an image or a font by URL or path is refused).
const fonts = pdfFonts();
pdfmake.setFonts(fonts.dictionary);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => fonts.files.has(file));

function block(item: Block): Content[] {
  switch (item.type) {
    case "heading":
      return [sectionHeading(item.text)];
    case "paragraph":
      return [bodyParagraph(item.text)];
    case "table":
      return [...(item.note ? [tableNote(item.note)] : []), dataTable(item.columns, item.rows)];
    case "annex":
      return annexHeading(item.numeral, item.title, item.attachedTo);
    case "text":
      return proseMirrorToPdf(item.content);
    case "signature":
      return [signatureBlock(item.signer, item.recipients)];
  }
}

/**
 * An official document as a PDF in the layout of Decree 30/2020/NĐ-CP, block for block as
 * render-docx.ts draws it for Word, its font embedded (pdf-fonts.ts) so that it prints the
 * same anywhere.
 */
export function renderPdf(document: OfficialDocument): Promise<Buffer> {
  return pdfmake
    .createPdf({
      ...pdfPage(),
      info: { title: document.title, subject: document.subject, creator: "Chung Tay", producer: "Chung Tay" },
      language: "vi-VN",
      content: [
        ...documentHeader(document.header),
        ...documentTitle(document.kind, document.summary),
        ...document.body.flatMap(block),
      ],
    })
    .getBuffer();
}
