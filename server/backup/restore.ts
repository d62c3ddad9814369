import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { applyMigrations } from "../db/migrations";
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, type BackupHeader, type BackupValue } from "./format";
import {
  type Table,
  DERIVED_TABLES,
  foreignKeysOutOfOrder,
  quoteIdent,
  readAppliedMigrations,
  readForeignKeys,
  readTables,
  setCanonicalTextFormats,
} from "./tables";

/** Rows per INSERT, and a cap on the text buffered for one (plan documents can be large). */
const BATCH_ROWS = 500;
const BATCH_CHARS = 8 * 1024 * 1024;
/** PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMETERS = 60_000;

export interface RestoreOptions {
  /** Replace whatever the database holds: every app table is emptied first, in the same transaction. */
  force?: boolean;
}

export interface RestoreSummary {
  migrations: string[];
  rows: Record<string, number>;
  /** Tables that held data and were emptied because of `force`. */
  replaced: string[];
}

/**
 * Restores a backup written by `writeBackup` into the database at `connectionString`.
 * Migrations are applied first and must then be exactly those of the backup. The database
 * must hold no data unless `force`. Everything happens in one transaction with the app's
 * tables locked: a failure (a damaged file, a constraint) leaves the database as it was.
 * Foreign keys that the table order cannot satisfy (a unit's parent is a unit) are dropped
 * for the load and re-created after it, which checks every row against them.
 */
export async function restoreBackup(
  connectionString: string,
  file: string,
  { force = false }: RestoreOptions = {},
): Promise<RestoreSummary> {
  const lines = readLines(file);
  try {
    const header = parseHeader((await lines.next()).value, file);
    await applyMigrations(connectionString);
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await setCanonicalTextFormats(client);
      const migrations = await readAppliedMigrations(client);
      checkMigrations(header.migrations, migrations);
      const tables = await readTables(client);
      const targetByName = checkTables(header, tables);

      await client.query("BEGIN");
      try {
        const names = tables.map((t) => quoteIdent(t.name)).join(", ");
        // Nobody writes while the database is replaced; the app waits or fails rather than mixing in.
        await client.query(`LOCK TABLE ${names} IN ACCESS EXCLUSIVE MODE`);
        const holding = await tablesHoldingData(client, tables);
        if (holding.length && !force) {
          throw new BackupError(
            `The database is not empty (${holding.slice(0, 5).join(", ")}${holding.length > 5 ? ", …" : ""} hold data). ` +
              "Restore into an empty database, or pass --force to replace everything in it.",
          );
        }
        // Derived tables go too: the triggers rebuild them from the rows restored.
        const derived = DERIVED_TABLES.map(quoteIdent).join(", ");
        if (holding.length) await client.query(`TRUNCATE ${names}, ${derived} RESTART IDENTITY`);

        const deferred = foreignKeysOutOfOrder(
          header.tables.map((t) => t.name),
          await readForeignKeys(client),
        );
        for (const fk of deferred)
          await client.query(`ALTER TABLE ${quoteIdent(fk.table)} DROP CONSTRAINT ${quoteIdent(fk.name)}`);
        const rows = await loadRows(client, header, targetByName, lines);
        for (const fk of deferred) {
          await client
            .query(`ALTER TABLE ${quoteIdent(fk.table)} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.definition}`)
            .catch((error: Error) => {
              throw new BackupError(
                `The backup's ${fk.table} rows break ${fk.name} (${error.message}): nothing was restored.`,
                { cause: error },
              );
            });
        }
        await resetSequences(client);
        await client.query("COMMIT");
        return { migrations, rows, replaced: holding };
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    } finally {
      await client.end();
    }
  } finally {
    await lines.return(undefined);
  }
}

function parseHeader(line: string | undefined, file: string): BackupHeader {
  let header: Partial<BackupHeader> | undefined;
  try {
    header = line ? JSON.parse(line) : undefined;
  } catch {
    // Reported below as not a backup.
  }
  if (header?.format !== BACKUP_FORMAT || !Array.isArray(header.migrations) || !Array.isArray(header.tables)) {
    throw new BackupError(`${file} is not a Chung Tay backup.`);
  }
  if (header.version !== BACKUP_VERSION) {
    throw new BackupError(
      `${file} is a backup of format version ${header.version}; this version of Chung Tay reads version ${BACKUP_VERSION}.`,
    );
  }
  return header as BackupHeader;
}

function checkMigrations(backup: string[], database: string[]) {
  const missing = database.filter((m) => !backup.includes(m));
  const unknown = backup.filter((m) => !database.includes(m));
  if (!missing.length && !unknown.length) return;
  const lines = [
    `The backup was made at migration ${backup.at(-1) ?? "(none)"}; this database is at ${database.at(-1) ?? "(none)"}.`,
  ];
  if (unknown.length)
    lines.push(
      `The backup has migrations this version of Chung Tay lacks: ${unknown.join(", ")}. Restore with the version that made the backup.`,
    );
  if (missing.length)
    lines.push(
      `This version has migrations the backup lacks: ${missing.join(", ")}. Restore with the version that made the backup, then upgrade.`,
    );
  throw new BackupError(lines.join("\n"));
}

/** The backup's tables and columns must be the database's, as the same migrations promise. */
function checkTables(header: BackupHeader, tables: Table[]): Map<string, Table> {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const problems: string[] = [];
  for (const { name, columns } of header.tables) {
    const target = byName.get(name);
    if (!target) {
      problems.push(`table ${name} does not exist here`);
      continue;
    }
    const here = target.columns
      .map((c) => c.name)
      .sort()
      .join(", ");
    const there = columns
      .map((c) => c.name)
      .sort()
      .join(", ");
    if (here !== there) problems.push(`${name} has columns (${there}) in the backup but (${here}) here`);
  }
  for (const { name } of tables)
    if (!header.tables.some((t) => t.name === name)) problems.push(`table ${name} is not in the backup`);
  if (problems.length) throw new BackupError(`The backup does not fit this database's schema: ${problems.join("; ")}.`);
  return byName;
}

async function tablesHoldingData(client: pg.ClientBase, tables: Table[]): Promise<string[]> {
  if (!tables.length) return [];
  const query = tables
    .map((t, i) => `SELECT $${i + 1}::text AS name WHERE EXISTS (SELECT 1 FROM ${quoteIdent(t.name)})`)
    .join(" UNION ALL ");
  const { rows } = await client.query<{ name: string }>(
    query,
    tables.map((t) => t.name),
  );
  return rows.map((r) => r.name);
}

/** Reads the sections after the header and inserts their rows in batches; checks the trailer. */
async function loadRows(
  client: pg.ClientBase,
  header: BackupHeader,
  targets: Map<string, Table>,
  lines: AsyncGenerator<string>,
) {
  const rows: Record<string, number> = {};
  let section = -1;
  let insert: BatchInsert | undefined;
  let lineNumber = 1;
  for await (const line of lines) {
    lineNumber++;
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new BackupError(
        `Line ${lineNumber} of the backup is not valid JSON: the file is damaged. Nothing was restored.`,
      );
    }
    if (Array.isArray(value)) {
      if (!insert)
        throw new BackupError(`Line ${lineNumber} of the backup is a row outside any table. Nothing was restored.`);
      await insert.add(value, lineNumber);
      continue;
    }
    const marker = value as { table?: string; end?: boolean; rows?: Record<string, number> };
    if (insert) rows[insert.table.name] = await insert.finish();
    insert = undefined;
    if (marker.end) {
      checkTrailer(header, marker.rows ?? {}, rows);
      return rows;
    }
    const expected = header.tables[++section];
    if (!expected || marker.table !== expected.name) {
      throw new BackupError(
        `Line ${lineNumber} of the backup starts table ${marker.table ?? "?"} where ${expected?.name ?? "the end"} was expected. Nothing was restored.`,
      );
    }
    insert = new BatchInsert(
      client,
      targets.get(expected.name)!,
      expected.columns.map((c) => c.name),
    );
  }
  throw new BackupError(
    `The backup file is incomplete: it ends ${insert ? `inside table ${insert.table.name}` : "before its last line"}. Nothing was restored.`,
  );
}

function checkTrailer(header: BackupHeader, expected: Record<string, number>, loaded: Record<string, number>) {
  const wrong = header.tables.filter((t) => (expected[t.name] ?? 0) !== (loaded[t.name] ?? 0));
  if (wrong.length) {
    const detail = wrong
      .map((t) => `${t.name}: ${loaded[t.name] ?? 0} read, ${expected[t.name] ?? 0} written`)
      .join(", ");
    throw new BackupError(`The backup file is damaged: row counts differ (${detail}). Nothing was restored.`);
  }
}

/** Multi-row INSERTs with each value cast from its text form to the column's type. */
class BatchInsert {
  private params: unknown[] = [];
  private rowCount = 0;
  private chars = 0;
  private total = 0;
  private readonly columns: Table["columns"];
  private readonly maxRows: number;

  constructor(
    private readonly client: pg.ClientBase,
    readonly table: Table,
    columnNames: string[],
  ) {
    this.columns = columnNames.map((name) => table.columns.find((c) => c.name === name)!);
    this.maxRows = Math.max(1, Math.min(BATCH_ROWS, Math.floor(MAX_PARAMETERS / this.columns.length)));
  }

  async add(row: unknown[], lineNumber: number) {
    if (row.length !== this.columns.length || !row.every((v) => v === null || typeof v === "string")) {
      throw new BackupError(
        `Line ${lineNumber} of the backup is not a row of ${this.table.name}. Nothing was restored.`,
      );
    }
    const values = row as BackupValue[];
    this.columns.forEach((column, i) => {
      const value = values[i]!;
      this.params.push(value !== null && column.bytea ? Buffer.from(value, "base64") : value);
      this.chars += value?.length ?? 0;
    });
    this.rowCount++;
    if (this.rowCount >= this.maxRows || this.chars >= BATCH_CHARS) await this.flush();
  }

  async finish(): Promise<number> {
    await this.flush();
    return this.total;
  }

  private async flush() {
    if (!this.rowCount) return;
    const width = this.columns.length;
    const tuples = Array.from(
      { length: this.rowCount },
      (_, r) => `(${this.columns.map((c, i) => `$${r * width + i + 1}::${c.type}`).join(", ")})`,
    );
    const overriding = this.columns.some((c) => c.identityAlways) ? " OVERRIDING SYSTEM VALUE" : "";
    await this.client
      .query(
        `INSERT INTO ${quoteIdent(this.table.name)} (${this.columns.map((c) => quoteIdent(c.name)).join(", ")})${overriding} VALUES ${tuples.join(", ")}`,
        this.params,
      )
      .catch((error: Error) => {
        // A value this schema refuses (a missing parent, a malformed date): the file does not fit.
        throw new BackupError(
          `Rows of ${this.table.name} do not fit this database (${error.message}). Nothing was restored.`,
          { cause: error },
        );
      });
    this.total += this.rowCount;
    this.params = [];
    this.rowCount = 0;
    this.chars = 0;
  }
}

/** Moves each serial or identity sequence past the largest restored value (PlanDocumentUpdate.id). */
async function resetSequences(client: pg.ClientBase) {
  const { rows } = await client.query<{ table: string; column: string; sequence: string }>(`
    SELECT t.relname::text AS table, a.attname::text AS column, format('%I.%I', sn.nspname, s.relname) AS sequence
    FROM pg_class s
    JOIN pg_namespace sn ON sn.oid = s.relnamespace
    JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
    JOIN pg_class t ON t.oid = d.refobjid
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
    WHERE s.relkind = 'S' AND t.relnamespace = current_schema()::regnamespace`);
  for (const { table, column, sequence } of rows) {
    await client.query(
      `SELECT setval($1::regclass, max(${quoteIdent(column)})) FROM ${quoteIdent(table)} HAVING max(${quoteIdent(column)}) IS NOT NULL`,
      [sequence],
    );
  }
}

/** The file's lines, decompressed as they are read; a damaged or truncated gzip fails the iteration. */
async function* readLines(file: string): AsyncGenerator<string> {
  await access(file).catch((error: Error) => {
    throw new BackupError(`Cannot read ${file}: ${error.message}`);
  });
  const gunzip = createGunzip();
  // Errors of either stream reach the loop below through gunzip, which pipeline destroys with them.
  pipeline(createReadStream(file), gunzip).catch(() => {});
  const decoder = new StringDecoder("utf8");
  // A line (a large plan document) may span many chunks: its parts are joined once, when it ends.
  let pending: string[] = [];
  try {
    for await (const chunk of gunzip) {
      const text = decoder.write(chunk as Buffer);
      let start = 0;
      for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
        pending.push(text.slice(start, end));
        yield pending.join("");
        pending = [];
        start = end + 1;
      }
      if (start < text.length) pending.push(text.slice(start));
    }
  } catch (error) {
    throw new BackupError(
      `${file} is damaged or not a gzip'd Chung Tay backup (${(error as Error).message}). Nothing was restored.`,
      { cause: error },
    );
  }
  const last = pending.join("") + decoder.end();
  if (last) yield last;
}
