import pg from "pg";
import type { ResolvedDatabase } from "./resolve-database";

/**
 * Runs `setup` (migrations, seeding) under a PostgreSQL advisory lock, so that instances started
 * together on one database do it one after the other: the first does the work, the next find it
 * done (seeding skips what exists). The lock ends with its session, also if the process dies.
 * The embedded database serves one process and needs none.
 */
export async function withSetupLock<T>(database: ResolvedDatabase, setup: () => Promise<T>): Promise<T> {
  if (database.embedded) return setup();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('chungtay:setup'))");
    return await setup();
  } finally {
    await client.end();
  }
}
