import { invalidFields } from "../errors";
import { type EvidenceType, cleanFileName, detectEvidenceType, MAX_EVIDENCE_BYTES } from "./file-types";
import type { FileCopies } from "./storage";
import { makeThumbnail } from "./thumbnail";

/** A file as a route hands it over: the name its sender gave it and its bytes. */
export interface IncomingFile {
  name: string;
  bytes: Buffer;
}

export interface PreparedFile {
  fileName: string;
  type: EvidenceType;
  copies: FileCopies;
}

/**
 * Checks an uploaded file by its content and makes what is stored of it: refuses an empty
 * file, one over 20 MB, one whose content is not an allowed type (or not a PDF when `pdfOnly`),
 * as a field error of `field`; makes a thumbnail of a photo.
 */
export async function prepareFile(file: IncomingFile, field = "file", pdfOnly = false): Promise<PreparedFile> {
  if (!file.bytes.length) throw invalidFields({ [field]: ["evidence.errors.empty"] });
  if (file.bytes.length > MAX_EVIDENCE_BYTES) throw invalidFields({ [field]: ["evidence.errors.tooLarge"] });
  const type = await detectEvidenceType(file.bytes);
  if (pdfOnly && type?.extension !== "pdf") throw invalidFields({ [field]: ["evidence.errors.pdfOnly"] });
  if (!type) throw invalidFields({ [field]: ["evidence.errors.type"] });
  const thumbnail = type.image ? await makeThumbnail(file.bytes) : null;
  return {
    fileName: cleanFileName(file.name, type),
    type,
    copies: { file: file.bytes, ...(thumbnail ? { thumbnail } : {}) },
  };
}
