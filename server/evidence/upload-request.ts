import "server-only";
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_MEGABYTES } from "@/lib/domain/evidence";
import { createContext } from "../api/context";
import type { Db } from "../db/client";
import { isInvalidValue } from "../db/invalid-value";
import { DomainError, invalidFields } from "../errors";
import { domainErrorResponse, contentDisposition } from "../exports/download";
import type { ExportFile } from "../exports/export-file";
import type { Actor } from "../policies/actor";
import { RATE_LIMITS, takeRate } from "../security/rate-limit";
import { isCrossSiteWrite } from "../security/same-origin";
import type { IncomingFile } from "./prepare-file";

/** A multipart upload's text fields and boundaries besides its one file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export const tooLargeResponse = () =>
  Response.json(
    { error: "evidence.errors.tooLarge", params: { max: MAX_EVIDENCE_MEGABYTES } },
    { status: 413, headers: { connection: "close" } },
  );

export interface Upload {
  fields: Record<string, string>;
  file: IncomingFile | null;
}

/**
 * Reads a multipart form with one file of at most 20 MB. The size is checked before reading
 * (a declared length) and while reading (the bytes are counted as they stream in, and the
 * read stops past the cap), so a larger file is refused with 413 without being buffered whole.
 */
export async function readUpload(req: Request): Promise<Upload | Response> {
  const cap = MAX_EVIDENCE_BYTES + FORM_OVERHEAD_BYTES;
  const declared = req.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= cap)) return tooLargeResponse();
  if (!req.body) return domainErrorResponse(invalidFields({ file: ["validation.required"] }));
  let seen = 0;
  let exceeded = false;
  const counted = req.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > cap) {
          exceeded = true;
          controller.error(new Error("upload too large"));
        } else controller.enqueue(chunk);
      },
    }),
  );
  let form: FormData;
  try {
    form = await new Request(req.url, {
      method: "POST",
      headers: req.headers,
      body: counted,
      duplex: "half",
    } as RequestInit).formData();
  } catch {
    return exceeded ? tooLargeResponse() : domainErrorResponse(invalidFields({ file: ["validation.required"] }));
  }
  const fields: Record<string, string> = {};
  let file: IncomingFile | null = null;
  for (const [name, value] of form) {
    if (typeof value === "string") fields[name] = value;
    else if (name === "file" && !file) {
      if (value.size > MAX_EVIDENCE_BYTES) return tooLargeResponse();
      file = { name: value.name, bytes: Buffer.from(await value.arrayBuffer()) };
    }
  }
  return { fields, file };
}

/**
 * A route handler's write for the signed-in user: refused from another site (403), signed out
 * (401), past the user's rate of changes (429, as tRPC mutations count it), then the upload is
 * read and `run` calls the domain; a domain error becomes its status with its message key.
 */
export async function uploadRoute(
  req: Request,
  run: (db: Db, actor: Actor, upload: Upload) => Promise<unknown>,
): Promise<Response> {
  if (isCrossSiteWrite(req)) return Response.json({ error: "errors.forbidden" }, { status: 403 });
  const { db, actor } = await createContext();
  if (!actor) return Response.json({ error: "errors.unauthorized" }, { status: 401 });
  try {
    await takeRate(db, RATE_LIMITS.mutations, actor.userId);
    const upload = await readUpload(req);
    if (upload instanceof Response) return upload;
    return Response.json(await run(db, actor, upload), { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof DomainError) return domainErrorResponse(error);
    if (isInvalidValue(error)) return domainErrorResponse(invalidFields({}));
    throw error;
  }
}

/** The uploaded file, or a field error: every upload route needs one. */
export function requireFile(upload: Upload): IncomingFile {
  if (!upload.file) throw invalidFields({ file: ["validation.required"] });
  return upload.file;
}

/**
 * A stored file as an HTTP answer. Thumbnails are shown in the page (inline); every file is a
 * download (attachment), whatever it is, so an uploaded document never runs in the app's origin.
 */
export function evidenceFileResponse(file: ExportFile, inline: boolean): Response {
  const disposition = contentDisposition(file.filename);
  return new Response(new Uint8Array(file.data), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": inline ? disposition.replace(/^attachment/, "inline") : disposition,
      "Content-Length": String(file.data.length),
      "Cache-Control": "private, no-store",
    },
  });
}
