/** A generated file, ready to be written to disk by the CLI or sent by a route handler. */
export interface ExportFile {
  /** The file's name as users see it, in Vietnamese ("2543-KH-SGDĐT.docx"); the HTTP layer adds an ASCII fallback. */
  filename: string;
  contentType: string;
  data: Buffer;
}

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const PDF_TYPE = "application/pdf";

/** A name safe in every file system: no path separators or control characters ("2543/KH-SGDĐT" → "2543-KH-SGDĐT"). */
export const safeFileName = (name: string) =>
  name
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "-")
    .replace(/\s+/g, " ")
    .trim();
