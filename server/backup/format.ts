import { sayIn } from "@/i18n/translator";
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
/** A refusal of backup or restore: a catalogue key the command line says in its language, English in logs. */
export class BackupError extends Error {
  constructor(
    readonly messageKey: `backup.errors.${string}`,
    readonly params: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(sayIn("en", messageKey, params), options);
    this.name = "BackupError";
  }
}
