import type pg from "pg";
import { quoteIdent, readTables } from "../../server/backup/tables";
import type { Db } from "../../server/db/client";

/**
 * Row count and an MD5 of every row of every table of the app (the backup's own list of
 * tables, read from the catalogue), so a test can tell that a run of refused requests changed
 * nothing stored. It queries through the app's client, so it works on the embedded database's
 * single session too.
 */
export async function digestTables(db: Db): Promise<Record<string, string>> {
  const client = {
    query: async (sql: string) => ({ rows: await db.$queryRawUnsafe(sql) }),
  } as unknown as pg.ClientBase;
  const digests: Record<string, string> = {};
  for (const table of await readTables(client)) {
    const [row] = await db.$queryRawUnsafe<{ count: string; digest: string | null }[]>(
      `SELECT count(*)::text AS count, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS digest FROM ${quoteIdent(table.name)} t`,
    );
    digests[table.name] = `${row!.count} rows ${row!.digest ?? "-"}`;
  }
  return digests;
}
