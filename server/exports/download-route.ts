import "server-only";
import { createContext } from "../api/context";
import type { Db } from "../db/client";
import { isInvalidValue } from "../db/invalid-value";
import { DomainError, invalidFields } from "../errors";
import type { Actor } from "../policies/actor";
import { domainErrorResponse, fileResponse } from "./download";
import type { ExportFile } from "./export-file";

/**
 * Serves a generated file to the signed-in user. The actor comes from the same context as the
 * tRPC route's, so the export functions decide rights exactly as the pages do; a domain error
 * (not found, forbidden, bad query) becomes its status, a value the database refuses a 400,
 * anything else stays a 500.
 */
export async function downloadResponse(build: (db: Db, actor: Actor) => Promise<ExportFile>): Promise<Response> {
  const { db, actor } = await createContext();
  if (!actor) return Response.json({ error: "errors.unauthorized" }, { status: 401 });
  try {
    return fileResponse(await build(db, actor));
  } catch (error) {
    if (error instanceof DomainError) return domainErrorResponse(error);
    if (isInvalidValue(error)) return domainErrorResponse(invalidFields({}));
    throw error;
  }
}
