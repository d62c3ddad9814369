import { resolveDatabase } from "../db/resolve-database";

/** Runs a command against the configured database, stopping the embedded one afterwards. */
export async function withDatabase(run: (url: string) => Promise<void>) {
  const db = await resolveDatabase();
  console.log(`Database: ${db.description}`);
  try {
    await run(db.url);
  } finally {
    await db.stop();
  }
}
