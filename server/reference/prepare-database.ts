import type { Db } from "../db/client";
import { applyMigrations } from "../db/migrations";
import { loadReferenceData } from "./reference-data";

/**
 * What every database needs before anything uses it, on every start path (the app, the
 * standalone collaboration server, the command line, the seed): the migrations, then the
 * national reference data, whatever SEED says. Returns the migrations applied.
 */
export async function prepareDatabase(url: string, db: Db): Promise<string[]> {
  const applied = await applyMigrations(url);
  await loadReferenceData(db);
  return applied;
}
