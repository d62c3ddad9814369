import type pg from "pg";

/**
 * The database's own description of the app's tables, read from the PostgreSQL catalogue
 * rather than from schema.prisma, so that backup and restore follow whatever the migrations
 * actually created (implicit many-to-many tables included) on a server and on PGlite alike.
 */

export interface Column {
  name: string;
  /** As PostgreSQL spells it, e.g. `timestamp(3) without time zone`, `"UnitLevel"`, `bytea`. */
  type: string;
  bytea: boolean;
  /** An identity column `GENERATED ALWAYS`, which takes a value only with OVERRIDING SYSTEM VALUE. */
  identityAlways: boolean;
}

export interface Table {
  name: string;
  /** Stored columns in their order; generated columns are left out, PostgreSQL computes them. */
  columns: Column[];
  primaryKey: string[];
}

export interface ForeignKey {
  name: string;
  table: string;
  references: string;
  /** `FOREIGN KEY (...) REFERENCES ...` as pg_get_constraintdef gives it, to re-create it exactly. */
  definition: string;
}

/** The table Prisma's migrations keep their own records in; it is the schema's, not user data. */
export const MIGRATIONS_TABLE = "_prisma_migrations";
/** Tables the database derives from others by triggers (UnitPeriodResult from the assessments): rebuilt on restore, not copied. */
export const DERIVED_TABLES = ["UnitPeriodResult"];
/**
 * Tables whose rows may each be large (evidence files of up to 20 MB in the database): read one
 * row per round trip, so a backup holds one file in memory at a time, not a page of them. Files
 * kept in S3 (S3_URL) are not in the database, so not in its backup: only their rows are.
 */
export const LARGE_ROW_TABLES = ["EvidenceBlob"];

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Every table of the app's schema with its columns and primary key, parents before children. */
export async function readTables(client: pg.ClientBase): Promise<Table[]> {
  const { rows: columns } = await client.query<{
    table: string;
    name: string;
    type: string;
    bytea: boolean;
    identity: string;
  }>(`
    SELECT c.relname::text AS table, a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type,
           a.atttypid = 'bytea'::regtype AS bytea, a.attidentity::text AS identity
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND NOT c.relispartition
      AND c.relname <> '${MIGRATIONS_TABLE}' AND c.relname <> ALL('{${DERIVED_TABLES.join(",")}}') AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    ORDER BY c.relname, a.attnum`);
  const { rows: keys } = await client.query<{ table: string; columns: string[] }>(`
    SELECT c.relname::text AS table, array_agg(a.attname::text ORDER BY k.ord) AS columns
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indrelid
    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
    WHERE i.indisprimary AND c.relnamespace = current_schema()::regnamespace
    GROUP BY c.relname`);
  const tables = new Map<string, Table>();
  for (const column of columns) {
    const table = tables.get(column.table) ?? { name: column.table, columns: [], primaryKey: [] };
    table.columns.push({
      name: column.name,
      type: column.type,
      bytea: column.bytea,
      identityAlways: column.identity === "a",
    });
    tables.set(column.table, table);
  }
  for (const key of keys) {
    const table = tables.get(key.table);
    if (table) table.primaryKey = key.columns;
  }
  return foreignKeySafeOrder([...tables.values()], await readForeignKeys(client));
}

export async function readForeignKeys(client: pg.ClientBase): Promise<ForeignKey[]> {
  const { rows } = await client.query<ForeignKey>(`
    SELECT con.conname::text AS name, t.relname::text AS table, r.relname::text AS references,
           pg_get_constraintdef(con.oid) AS definition
    FROM pg_constraint con
    JOIN pg_class t ON t.oid = con.conrelid
    JOIN pg_class r ON r.oid = con.confrelid
    WHERE con.contype = 'f' AND t.relnamespace = current_schema()::regnamespace
    ORDER BY t.relname, con.conname`);
  return rows;
}

/**
 * Orders tables so that each comes after the tables it references (alphabetically among
 * equals, so backups of the same data are identical). References of a table to itself (a
 * unit's parent, a plan's parent plan, a reply's comment) and any cycle cannot be satisfied
 * by order alone; `foreignKeysOutOfOrder` names them for the restore to check at the end.
 */
export function foreignKeySafeOrder(tables: Table[], foreignKeys: ForeignKey[]): Table[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const pending = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const fk of foreignKeys) {
    if (fk.table !== fk.references && byName.has(fk.references)) pending.get(fk.table)?.add(fk.references);
  }
  const ordered: Table[] = [];
  while (pending.size) {
    const ready = [...pending]
      .filter(([, needs]) => needs.size === 0)
      .map(([name]) => name)
      .sort();
    // A cycle: take the first remaining table; its references are checked after the load.
    const next = ready[0] ?? [...pending.keys()].sort()[0]!;
    ordered.push(byName.get(next)!);
    pending.delete(next);
    for (const needs of pending.values()) needs.delete(next);
  }
  return ordered;
}

/** The foreign keys whose referenced rows may come later in a load done in `order`. */
export function foreignKeysOutOfOrder(order: string[], foreignKeys: ForeignKey[]): ForeignKey[] {
  const position = new Map(order.map((name, i) => [name, i]));
  return foreignKeys.filter((fk) => (position.get(fk.references) ?? -1) >= (position.get(fk.table) ?? -1));
}

/** Names of the migrations applied to the database, in order; what a backup must match. */
export async function readAppliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const { rows: exists } = await client.query<{ exists: boolean }>(
    `SELECT to_regclass(quote_ident('${MIGRATIONS_TABLE}')) IS NOT NULL AS exists`,
  );
  if (!exists[0]?.exists) return [];
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM ${quoteIdent(MIGRATIONS_TABLE)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.name);
}

/**
 * Session settings under which every type's text form is unambiguous and reads back the same
 * way: ISO dates, UTC, floats with all their digits.
 */
export async function setCanonicalTextFormats(client: pg.ClientBase) {
  await client.query(
    "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 3",
  );
}
