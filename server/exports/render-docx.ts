import type { FileChild } from "docx";
import {
  annexHeading,
  bodyParagraph,
  decree30Document,
  documentHeader,
  documentTitle,
  sectionHeading,
  signatureBlock,
  toBuffer,
} from "./decree30";
import { dataTable, tableNote } from "./decree30-table";
import type { Block, OfficialDocument } from "./official-document";
import { proseMirrorToDocx } from "./prosemirror-docx";

function block(item: Block): FileChild[] {
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
      return proseMirrorToDocx(item.content);
    case "signature":
      return signatureBlock(item.signer, item.recipients);
  }
}

/** An official document as a Word file in the layout of Decree 30/2020/NĐ-CP (decree30.ts). */
export function renderDocx(document: OfficialDocument): Promise<Buffer> {
  return toBuffer(
    decree30Document({
      title: document.title,
      subject: document.subject,
      children: [
        documentHeader(document.header),
        ...documentTitle(document.kind, document.summary),
        ...document.body.flatMap(block),
      ],
    }),
  );
}
