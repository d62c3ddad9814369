/**
 * The backup file: gzip'd JSON lines, readable with `zcat` and any JSON tool.
 *
 *   {"format":"chungtay-backup","version":1,"createdAt":…,"migrations":[…],"tables":[{"name","columns":[{"name","type"}]}]}
 *   {"table":"OrgUnit"}            a table's section, in the header's (foreign-key-safe) order
 *   ["cm…","099",…]               one row: values in the header's column order
 *   …
 *   {"end":true,"rows":{"OrgUnit":140,…}}   written last: a file without it is incomplete
 *
 * Values are null or strings: PostgreSQL's own text form of the value (exact for bigint,
 * numeric, dates and timestamps in UTC, Json, enums), except bytea, which is base64.
 */
export const BACKUP_FORMAT = "chungtay-backup";
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** Names of the migrations applied to the database backed up; a restore needs the same. */
  migrations: string[];
  tables: { name: string; columns: { name: string; type: string }[] }[];
}

export interface BackupSection {
  table: string;
}

export interface BackupTrailer {
  end: true;
  rows: Record<string, number>;
}

export type BackupValue = string | null;

/** A failure to back up or restore, with a message for the operator. */
export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "BackupError";
  }
}
