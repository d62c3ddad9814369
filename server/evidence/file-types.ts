import { fileTypeFromBuffer } from "file-type";
import { MAX_EVIDENCE_BYTES } from "@/lib/domain/evidence";

export { MAX_EVIDENCE_BYTES };

/** What may be attached, told by the bytes (file-type reads the signature, and a ZIP's entries for DOCX/XLSX). */
const ALLOWED = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export type EvidenceExtension = keyof typeof ALLOWED;
export interface EvidenceType {
  extension: EvidenceExtension;
  contentType: (typeof ALLOWED)[EvidenceExtension];
  image: boolean;
}

/**
 * The file's type as its content says, or null when it is none of the allowed ones. The name
 * the uploader gave it is not asked: a text file named "anh.jpg" is refused.
 */
export async function detectEvidenceType(bytes: Uint8Array): Promise<EvidenceType | null> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found || !(found.ext in ALLOWED)) return null;
  const extension = found.ext as EvidenceExtension;
  return { extension, contentType: ALLOWED[extension], image: ["jpg", "png", "webp"].includes(extension) };
}

/**
 * The uploader's file name, kept for display and download: no folders, no control characters,
 * at most 200 characters, and the extension of what the content is when the name has another.
 */
export function cleanFileName(name: string, type: EvidenceType): string {
  const base =
    name
      .normalize("NFC")
      .split(/[\\/]/)
      .pop()!
      .replace(/[\u0000-\u001f\u007f]/g, "")
      .trim()
      .slice(0, 200) || "tep";
  const extension = base.includes(".") ? base.slice(base.lastIndexOf(".") + 1).toLowerCase() : "";
  const fits = extension === type.extension || (type.extension === "jpg" && extension === "jpeg");
  return fits ? base : `${base}.${type.extension}`;
}
