import { type DomainError, invalidFields } from "../errors";
import type { RollupQuery } from "../rollups/criteria-rollup";
import type { ExportFile } from "./export-file";
import { DOCUMENT_FORMATS, type DocumentFormat } from "./official-document";
import { searchable } from "@/lib/search-text";

/**
 * Content-Disposition for a download: an ASCII name for old clients ("2543-kh-sgddt.docx")
 * and the real Vietnamese name as RFC 5987 UTF-8 (filename*), which browsers prefer.
 */
export function contentDisposition(filename: string): string {
  const ascii = searchable(filename)
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii || "export"}"; filename*=UTF-8''${encoded}`;
}

/** A generated file as an HTTP download, never cached by a shared cache. */
export function fileResponse(file: ExportFile): Response {
  return new Response(new Uint8Array(file.data), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": contentDisposition(file.filename),
      "Content-Length": String(file.data.length),
      "Cache-Control": "private, no-store",
    },
  });
}

const STATUS = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
} as const;

/** A domain error as its HTTP status with the message key (and field errors) only: no stack trace. */
export const domainErrorResponse = (error: DomainError): Response =>
  Response.json({ error: error.messageKey, fieldErrors: error.fieldErrors }, { status: STATUS[error.code] });

/**
 * The roll-up a download is about, from `?unit=<id>&period=2025-H1&set=<code>` as the
 * dashboard links it; the roll-up itself checks the period and the set.
 */
export function rollupQueryOf(request: Request): RollupQuery {
  const params = new URL(request.url).searchParams;
  const value = (name: string) => params.get(name)?.trim() || undefined;
  const unit = value("unit");
  const period = value("period");
  if (!unit || !period)
    throw invalidFields({
      ...(unit ? {} : { unit: ["validation.required"] }),
      ...(period ? {} : { period: ["validation.required"] }),
    });
  return { unit: { id: unit }, period, setCode: value("set") };
}

/** The format of an official document from `?format=docx|pdf` (DOCX when absent); any other value is a 400. */
export function documentFormatOf(request: Request): DocumentFormat {
  const format = new URL(request.url).searchParams.get("format")?.trim().toLowerCase() || "docx";
  if (!(DOCUMENT_FORMATS as readonly string[]).includes(format)) throw invalidFields({ format: ["validation.format"] });
  return format as DocumentFormat;
}
