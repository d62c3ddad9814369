import { DOCX_TYPE, type ExportFile, PDF_TYPE, safeFileName } from "./export-file";
import type { DocumentFormat, OfficialDocument } from "./official-document";
import { renderDocx } from "./render-docx";
import { renderPdf } from "./render-pdf";

const RENDER = {
  docx: { render: renderDocx, contentType: DOCX_TYPE },
  pdf: { render: renderPdf, contentType: PDF_TYPE },
} as const;

/** An official document drawn as a file of the chosen format, named after the document ("2543-KH-SGDĐT.pdf"). */
export async function renderDocument(document: OfficialDocument, format: DocumentFormat): Promise<ExportFile> {
  const { render, contentType } = RENDER[format];
  return { filename: safeFileName(`${document.name}.${format}`), contentType, data: await render(document) };
}
