import type { AuditEntry } from "../audit/record-audit-event";
import { recordAuditEvents } from "../audit/record-audit-event";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { type PlanEvent, publishLiveEvent } from "../live/live-events";
import { type NotificationInput, recordNotifications } from "../notifications/record-notifications";

type Tx = Prisma.TransactionClient;

/**
 * What a command does besides its own rows, collected while it runs and carried out by the
 * runner: audit events and notifications are written in the command's transaction; live
 * events (viewers' pages, notification bells, collaboration servers re-checking rights or taking
 * in a replaced document) are published once it has committed, so nobody hears of a change
 * that did not happen.
 */
export class Effects {
  private readonly audits: Omit<AuditEntry, "actorId">[] = [];
  private readonly notifications: NotificationInput[] = [];
  private readonly planTopics = new Map<string, PlanEvent>();
  private readonly planAccess = new Set<string>();
  private readonly userAccess = new Set<string>();
  private readonly replaced = new Map<string, { versionId: string; by: string }>();
  private readonly notified: string[] = [];
  private readonly afterCommitTasks: { what: string; run: () => Promise<void> }[] = [];

  constructor(private readonly actorId: string | null) {}

  /** Records who did what to which record, with the state before and after. */
  audit(entry: Omit<AuditEntry, "actorId">) {
    this.audits.push(entry);
  }

  /** Tells users about a plan (never the actor): written with the change, their bells ring after it. */
  notify(input: NotificationInput) {
    this.notifications.push(input);
  }

  /** Users whose notifications changed otherwise (marked done) see their bells refresh. */
  notificationsChanged(userIds: string[]) {
    this.notified.push(...userIds);
  }

  /** Live viewers of the plan refresh what `topic` covers. */
  planChanged(planId: string, topic: PlanEvent["topic"]) {
    this.planTopics.set(`${planId}:${topic}`, { planId, topic });
  }

  /** Who may edit the plan's document changed: its open editors reconnect and are checked again. */
  planAccessChanged(planId: string) {
    this.planAccess.add(planId);
  }

  /** The user's rights changed: their open documents close everywhere, and are checked again if they come back. */
  userAccessChanged(userId: string) {
    this.userAccess.add(userId);
  }

  changesAccessOf(userId: string) {
    return this.userAccess.has(userId);
  }

  /** The plan's stored document was replaced: live copies take it in and their editors are told who did it. */
  documentReplaced(planId: string, versionId: string, by: string) {
    this.replaced.set(planId, { versionId, by });
  }

  /**
   * Work outside the database that must follow the change and never precede it: deleting the
   * objects of evidence whose rows the command deleted. Runs once the transaction has committed
   * (a rolled-back command leaves them); a failure is logged, the change stands.
   */
  afterCommit(what: string, run: () => Promise<void>) {
    this.afterCommitTasks.push({ what, run });
  }

  /** Inside the transaction, after the command's own writes. */
  async write(tx: Tx) {
    await recordAuditEvents(tx, this.actorId, this.audits);
    this.notified.push(...(await recordNotifications(tx, this.actorId, this.notifications)));
  }

  /**
   * After commit. The change is stored whatever happens here: a live event that cannot be
   * published is logged, and viewers catch up at their next refresh or reconnection.
   */
  async publish(db: Db) {
    const events = [
      ...this.planTopics.values(),
      ...[...new Set(this.notified)].map((userId) => ({ userId, topic: "notifications" as const })),
      ...[...this.planAccess].map((planId) => ({ topic: "access" as const, planId })),
      ...[...this.userAccess].map((userId) => ({ topic: "userAccess" as const, userId })),
      ...[...this.replaced].map(([planId, { versionId, by }]) => ({
        topic: "replaced" as const,
        planId,
        versionId,
        by,
      })),
    ];
    await Promise.all(
      this.afterCommitTasks.map(({ what, run }) =>
        run().catch((error) => console.error(`After commit, ${what} failed:`, error)),
      ),
    );
    await Promise.all(
      events.map((event) =>
        publishLiveEvent(db, event).catch((error) => console.error(`Publishing ${event.topic} failed:`, error)),
      ),
    );
  }
}
