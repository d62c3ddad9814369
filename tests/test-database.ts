import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { mkdtemp, rm } from "node:fs/promises";
import pg from "pg";
import { startEmbeddedDatabase } from "../server/db/embedded";
import { applyMigrations } from "../server/db/migrations";

export interface TestDatabase {
  url: string;
  embedded: boolean;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test run: a new database on the PostgreSQL server of
 * TEST_DATABASE_URL (or DATABASE_URL), dropped afterwards, or an embedded PGlite in a
 * temporary folder when neither is set. Refuses servers that are not on this machine, so a
 * test run can never touch a shared database.
 */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const server = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!server) {
    const dir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
    const db = await startEmbeddedDatabase(dir);
    await applyMigrations(db.url);
    return {
      url: db.url,
      embedded: true,
      drop: async () => {
        await db.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = new URL(server);
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(admin.hostname)) {
    throw new Error(`Tests run only against a local PostgreSQL, not ${admin.hostname}`);
  }
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  await dropStaleDatabases(client, prefix);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return {
    url: url.toString(),
    embedded: false,
    async drop() {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Test databases left behind by a run that was killed; two hours is longer than any run. */
async function dropStaleDatabases(client: pg.Client, prefix: string) {
  const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
    `${prefix}\\_%`,
  ]);
  const cutoff = Date.now() - 2 * 60 * 60 * 1000;
  for (const { datname } of rows) {
    const createdAt = Number(datname.slice(prefix.length + 1).split("_")[0]);
    if (createdAt && createdAt < cutoff) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}
