import type {
  connectedPayload,
  Extension,
  Hocuspocus,
  onChangePayload,
  onDisconnectPayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from "@hocuspocus/server";
import * as Y from "yjs";
import type { Db } from "../../db/client";
import { compactDocument, loadDocumentUpdates } from "../../documents/storage";
import { saveAutomaticVersion } from "../../documents/versions";
import { type CollabEvent, onCollabEvent } from "../../live/live-events";
import { encodeMessage } from "@/lib/collab/messages";
import type { CollabContext } from "../context";
import { planDocumentName, planIdFromDocumentName } from "../document-name";
import { HousekeepingQueue } from "../housekeeping-queue";
import { createSavedAnnouncer, savedMessage } from "../saved-announcer";
import { BatchWriter, UpdateLog } from "../update-log";

/** The transaction origin of what the server takes in from storage: it is stored already. */
const FROM_STORAGE = { source: "storage" };

/**
 * Every edit is written to the plan's update log before the editors are told it is saved
 * ("saved" carries the stored snapshot); a few seconds after editing pauses, and when the last
 * editor leaves, the log is compacted and an automatic version kept (one document at a time,
 * see HousekeepingQueue: every edit is already in the log, so a failure there loses nothing).
 * A document replaced in storage by any process (a restored version) is taken in from storage
 * and its editors told who restored what.
 */
export class Persistence implements Extension {
  private readonly logs = new Map<string, UpdateLog>();
  private readonly writer: BatchWriter;
  private readonly announcer;
  private readonly housekeeping: HousekeepingQueue;
  private instance: Hocuspocus | null = null;
  private stopListening: (() => void) | null = null;

  constructor(private readonly db: Db) {
    this.writer = new BatchWriter(db);
    this.announcer = createSavedAnnouncer(
      (planId) => this.instance?.documents.get(planDocumentName(planId)),
      (planId) => this.logs.get(planId)?.idle ?? true,
    );
    this.housekeeping = new HousekeepingQueue(async (planId, reason) => {
      try {
        await this.logs.get(planId)?.flushed();
        await compactDocument(db, planId);
        await saveAutomaticVersion(db, planId, reason);
      } catch (error) {
        console.error(`Compacting the document of plan ${planId} failed; its log is kept:`, error);
      }
    });
  }

  async onConfigure({ instance }: { instance: Hocuspocus }) {
    this.instance = instance;
    this.stopListening = onCollabEvent((event) => void this.takeInReplaced(event));
  }

  async onDestroy() {
    this.stopListening?.();
  }

  /** Waits until every update received for the plan is stored. */
  flush(planId: string): Promise<void> {
    return this.logs.get(planId)?.flushed() ?? Promise.resolve();
  }

  /** Waits until every update received by this server is stored and compactions under way end. */
  async flushAll(): Promise<void> {
    await Promise.all([...this.logs.values()].map((log) => log.flushed()));
    await this.housekeeping.idle();
  }

  private logFor(planId: string) {
    let log = this.logs.get(planId);
    if (!log) this.logs.set(planId, (log = new UpdateLog(this.writer, planId, () => this.announcer.announce(planId))));
    return log;
  }

  async connected({ connection, context }: connectedPayload<CollabContext>) {
    // Tells a (re)connecting editor what is stored, so edits it kept offline can be confirmed;
    // while writes are pending, the announcement when the log is idle does it.
    if (!this.logFor(context.planId).idle) this.announcer.expect(context.planId, connection);
    else if (connection.document) connection.sendStateless(savedMessage(connection.document));
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
    const updates = await loadDocumentUpdates(this.db, planIdFromDocumentName(documentName)!);
    document.transact(() => {
      for (const update of updates) Y.applyUpdate(document, update);
    });
  }

  async onChange({ update, context, documentName, connection, transactionOrigin }: onChangePayload<CollabContext>) {
    if (transactionOrigin === FROM_STORAGE) return;
    // Updates from other instances (through Redis) are stored here too, though their instance
    // stores them as well: "saved" covers all this instance holds, and an instance may die
    // between forwarding an edit and storing it, after which its editor, reconnecting here,
    // has nothing new to send. Applying a Yjs update twice is harmless; compaction folds both.
    const planId = context?.planId ?? planIdFromDocumentName(documentName)!;
    this.logFor(planId).append(update, context?.actor?.userId ?? null);
    if (connection) this.announcer.expect(planId, connection);
  }

  async onStoreDocument({ documentName }: onStoreDocumentPayload) {
    await this.housekeeping.schedule(planIdFromDocumentName(documentName)!, "activity");
  }

  async onDisconnect({ clientsCount, documentName }: onDisconnectPayload) {
    // The last editor left: keep a version of what they wrote.
    if (clientsCount === 0) await this.housekeeping.schedule(planIdFromDocumentName(documentName)!, "lastEditorLeft");
  }

  async afterUnloadDocument({ documentName }: { documentName: string }) {
    const planId = planIdFromDocumentName(documentName)!;
    if (this.logs.get(planId)?.idle) this.logs.delete(planId);
    this.announcer.forget(planId);
  }

  /** A restored version was stored by some process: the live document takes in what is stored. */
  private async takeInReplaced(event: CollabEvent) {
    if (event.topic !== "replaced") return;
    const document = this.instance?.documents.get(planDocumentName(event.planId));
    if (!document) return;
    try {
      const updates = await loadDocumentUpdates(this.db, event.planId);
      document.transact(() => {
        for (const update of updates) Y.applyUpdate(document, update);
      }, FROM_STORAGE);
      document.broadcastStateless(encodeMessage({ type: "restored", versionId: event.versionId, by: event.by }));
    } catch (error) {
      console.error(`Taking in the restored document of plan ${event.planId} failed:`, error);
    }
  }
}
