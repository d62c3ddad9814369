import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { toJsonValue } from "../db/json";

/** Edits further apart than this belong to two editing sessions. */
export const SESSION_GAP_MS = 15 * 60 * 1000;

export interface Edit {
  userId: string | null;
  at: Date;
  bytes: number;
}

type Session = { from: string; to: string; updates: number; bytes: number };

/** One user's edits as sessions, oldest first. */
function sessionsOf(edits: Edit[]): Session[] {
  const sessions: Session[] = [];
  let current: (Session & { last: number }) | null = null;
  for (const edit of [...edits].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const at = edit.at.getTime();
    if (!current || at - current.last > SESSION_GAP_MS) {
      if (current) sessions.push(current);
      current = { from: edit.at.toISOString(), to: edit.at.toISOString(), updates: 0, bytes: 0, last: at };
    }
    current.to = edit.at.toISOString();
    current.last = at;
    current.updates++;
    current.bytes += edit.bytes;
  }
  if (current) sessions.push(current);
  return sessions.map(({ from, to, updates, bytes }) => ({ from, to, updates, bytes }));
}

/**
 * Who edited a plan's document and when, kept as audit events "document.edit" (one per user and
 * editing session: from, to, number of updates, bytes). Compaction calls this in its transaction
 * before it deletes the log rows that carried the authors, so the authorship outlives them. A
 * session still under way at the next compaction is extended rather than split at every pause.
 */
export async function recordEditSessions(tx: Prisma.TransactionClient, planId: string, edits: Edit[]) {
  const byUser = new Map<string, Edit[]>();
  for (const edit of edits) if (edit.userId) byUser.set(edit.userId, [...(byUser.get(edit.userId) ?? []), edit]);
  for (const [userId, own] of byUser) {
    const [first, ...rest] = sessionsOf(own);
    const latest = await tx.$queryRaw<{ id: string; after: Session }[]>`
      SELECT id, after FROM "AuditEvent"
      WHERE "entityType" = 'Plan' AND "entityId" = ${planId} AND action = 'document.edit' AND "actorId" = ${userId}
      ORDER BY at DESC LIMIT 1`;
    const open = latest[0];
    const fresh = [...rest];
    if (open && new Date(first!.from).getTime() - new Date(open.after.to).getTime() <= SESSION_GAP_MS) {
      const merged = {
        from: open.after.from,
        to: first!.to,
        updates: open.after.updates + first!.updates,
        bytes: open.after.bytes + first!.bytes,
      };
      await tx.auditEvent.update({ where: { id: open.id }, data: { after: toJsonValue(merged) } });
    } else {
      fresh.unshift(first!);
    }
    if (fresh.length)
      await tx.auditEvent.createMany({
        data: fresh.map((session) => ({
          actorId: userId,
          action: "document.edit",
          entityType: "Plan",
          entityId: planId,
          after: toJsonValue(session),
        })),
      });
  }
}

/** Whoever edited the plan's document after `since` (ever, when null): sessions already folded, and log rows not yet. */
export async function editorsSince(db: Pick<Db, "$queryRaw">, planId: string, since: Date | null): Promise<string[]> {
  const after = since?.toISOString() ?? null;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "actorId" AS id FROM "AuditEvent"
    WHERE "entityType" = 'Plan' AND "entityId" = ${planId} AND action = 'document.edit' AND "actorId" IS NOT NULL
      AND (${after}::text IS NULL OR (after->>'to')::timestamptz > ${after}::timestamptz)
    UNION
    SELECT "userId" FROM "PlanDocumentUpdate"
    WHERE "planId" = ${planId} AND "userId" IS NOT NULL
      AND (${after}::text IS NULL OR "createdAt" > (${after}::timestamptz AT TIME ZONE 'UTC'))`;
  return rows.map((row) => row.id);
}
