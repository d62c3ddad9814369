import type { Prisma } from "../db/generated/client";
import { toJsonValue } from "../db/json";

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

const toJson = (value: unknown) => (value === undefined ? undefined : toJsonValue(value));
