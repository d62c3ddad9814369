import type { Prisma } from "../db/generated/client";

type AuditClient = Pick<Prisma.TransactionClient, "auditEvent">;

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Appends an audit event; call it inside the transaction that makes the change. */
export async function recordAuditEvent(db: AuditClient, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}

// Money is bigint, which JSON cannot hold: it is kept as its exact decimal string.
const toJson = (value: unknown) =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v))) as Prisma.InputJsonValue);
