import type { Prisma } from "../db/generated/client";
import { insertMany } from "../db/bulk-insert";

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends audit events, in bulk (an import changes thousands of records). Called by the command
 * runner (server/commands) inside the transaction that makes the change. Money (bigint) is kept
 * as its exact decimal string.
 */
export async function recordAuditEvents(
  tx: Prisma.TransactionClient,
  actorId: string | null,
  entries: Omit<AuditEntry, "actorId">[],
): Promise<void> {
  if (!entries.length) return;
  await insertMany(
    tx,
    "AuditEvent",
    { actorId: "text", action: "text", entityType: "text", entityId: "text", before: "jsonb", after: "jsonb" },
    entries.map((entry) => ({ actorId, ...entry })),
  );
}

/**
 * One event outside any command: security logging (a refused sign-in), which changes no record.
 * Changes to records are audited through the command runner.
 */
export const recordAuditEvent = (db: Prisma.TransactionClient, entry: AuditEntry) =>
  recordAuditEvents(db, entry.actorId, [entry]);
