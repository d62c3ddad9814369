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
          const tables = `${holding.slice(0, 5).join(", ")}${holding.length > 5 ? ", …" : ""}`;
          throw new BackupError("backup.errors.notEmpty", { tables });
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
                "backup.errors.brokenReference",
                { table: fk.table, constraint: fk.name, reason: error.message },
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
    throw new BackupError("backup.errors.notBackup", { file });
  }
  if (header.version !== BACKUP_VERSION) {
    throw new BackupError("backup.errors.formatVersion", {
      file,
      version: String(header.version),
      supported: BACKUP_VERSION,
    });
  }
  return header as BackupHeader;
}

function checkMigrations(backup: string[], database: string[]) {
  const missing = database.filter((m) => !backup.includes(m));
  const unknown = backup.filter((m) => !database.includes(m));
  if (!missing.length && !unknown.length) return;
  const list = (names: string[]) => names.join(", ") || "none";
  throw new BackupError("backup.errors.migrations", {
    backup: backup.at(-1) ?? "—",
    database: database.at(-1) ?? "—",
    unknown: list(unknown),
    missing: list(missing),
  });
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
  if (problems.length) throw new BackupError("backup.errors.schema", { problems: problems.join("; ") });
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
      throw new BackupError("backup.errors.invalidJson", { line: lineNumber });
    }
    if (Array.isArray(value)) {
      if (!insert) throw new BackupError("backup.errors.rowOutsideTable", { line: lineNumber });
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
      throw new BackupError("backup.errors.unexpectedTable", {
        line: lineNumber,
        table: marker.table ?? "?",
        expected: expected?.name ?? "end",
      });
    }
    insert = new BatchInsert(
      client,
      targets.get(expected.name)!,
      expected.columns.map((c) => c.name),
    );
  }
  throw new BackupError("backup.errors.incomplete", { table: insert?.table.name ?? "none" });
}

function checkTrailer(header: BackupHeader, expected: Record<string, number>, loaded: Record<string, number>) {
  const wrong = header.tables.filter((t) => (expected[t.name] ?? 0) !== (loaded[t.name] ?? 0));
  if (wrong.length) {
    const detail = wrong.map((t) => `${t.name}: ${loaded[t.name] ?? 0}/${expected[t.name] ?? 0}`).join(", ");
    throw new BackupError("backup.errors.rowCounts", { detail });
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
      throw new BackupError("backup.errors.notARow", { line: lineNumber, table: this.table.name });
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
          "backup.errors.rowsDoNotFit",
          { table: this.table.name, reason: error.message },
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
    throw new BackupError("backup.errors.cannotRead", { file, reason: error.message });
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
    throw new BackupError("backup.errors.damaged", { file, reason: (error as Error).message }, { cause: error });
  }
  const last = pending.join("") + decoder.end();
  if (last) yield last;
}
