import { rename, rm } from "node:fs/promises";
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, type BackupHeader, type BackupTrailer } from "./format";
import {
  type Table,
  LARGE_ROW_TABLES,
  quoteIdent,
  readAppliedMigrations,
  readTables,
  setCanonicalTextFormats,
} from "./tables";

/** Rows fetched and written per round trip; bounds memory whatever a table's size. */
const PAGE_SIZE = 1000;

export interface BackupSummary {
  file: string;
  migrations: string[];
  rows: Record<string, number>;
}

/**
 * Writes a logical backup of the database at `connectionString` to `file` (see format.ts).
 * Everything is read in one read-only REPEATABLE READ transaction, so the backup is one
 * consistent moment even while the app keeps writing; rows stream from a cursor straight
 * into the gzip file. The file holds password hashes: it is created readable by its owner only,
 * and appears under its name only once complete.
 */
export async function writeBackup(connectionString: string, file: string, now = new Date()): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const partial = `${file}.partial-${process.pid}`;
  try {
    await setCanonicalTextFormats(client);
    // A long backup sits idle in its transaction between pages while the file is written.
    await client.query("SET idle_in_transaction_session_timeout = 0");
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = await readAppliedMigrations(client);
    if (!migrations.length) throw new BackupError("backup.errors.notChungTay");
    const tables = await readTables(client);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: now.toISOString(),
      migrations,
      tables: tables.map((t) => ({ name: t.name, columns: t.columns.map(({ name, type }) => ({ name, type })) })),
    };
    const rows: Record<string, number> = {};
    await pipeline(
      Readable.from(backupLines(client, header, tables, rows)),
      createGzip(),
      createWriteStream(partial, { mode: 0o600 }),
    );
    await client.query("COMMIT");
    await rename(partial, file);
    return { file, migrations, rows };
  } catch (error) {
    await rm(partial, { force: true });
    // A file system refusal (no such folder, no permission) is the operator's to fix, not a crash.
    if ((error as NodeJS.ErrnoException).path)
      throw new BackupError("backup.errors.cannotWrite", { file, reason: (error as Error).message }, { cause: error });
    throw error;
  } finally {
    await client.end();
  }
}

async function* backupLines(
  client: pg.Client,
  header: BackupHeader,
  tables: Table[],
  rows: Record<string, number>,
): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  for (const table of tables) {
    yield `${JSON.stringify({ table: table.name })}\n`;
    // Text casts leave each value in PostgreSQL's exact text form; bytea comes raw and goes out as base64.
    const select = table.columns.map((c) => (c.bytea ? quoteIdent(c.name) : `${quoteIdent(c.name)}::text`)).join(", ");
    const order = table.primaryKey.length ? ` ORDER BY ${table.primaryKey.map(quoteIdent).join(", ")}` : "";
    await client.query(
      `DECLARE chungtay_backup NO SCROLL CURSOR FOR SELECT ${select} FROM ${quoteIdent(table.name)}${order}`,
    );
    let count = 0;
    const pageSize = LARGE_ROW_TABLES.includes(table.name) ? 1 : PAGE_SIZE;
    for (;;) {
      const page = await client.query<unknown[]>({
        text: `FETCH FORWARD ${pageSize} FROM chungtay_backup`,
        rowMode: "array",
      });
      if (page.rows.length) yield page.rows.map((row) => `${JSON.stringify(row.map(encodeValue))}\n`).join("");
      count += page.rows.length;
      if (page.rows.length < pageSize) break;
    }
    await client.query("CLOSE chungtay_backup");
    rows[table.name] = count;
  }
  const trailer: BackupTrailer = { end: true, rows };
  yield `${JSON.stringify(trailer)}\n`;
}

const encodeValue = (value: unknown) =>
  value === null ? null : Buffer.isBuffer(value) ? value.toString("base64") : String(value);
