import { randomUUID } from "node:crypto";
import { Hocuspocus, type Extension } from "@hocuspocus/server";
import * as Y from "yjs";
import { getDb } from "../db/client";
import { onAccessChange, publishAccessChange } from "../live/live-events";
import { can } from "../policies";
import { type Actor, loadActor } from "../policies/actor";
import { encodeMessage } from "@/lib/collab/messages";
import { replaceContent } from "./document-content";
import { planDocumentName, planIdFromDocumentName } from "./document-name";
import { compactDocument, loadDocumentUpdates } from "./persistence";
import { redisExtension } from "./redis";
import { registerCollabServer } from "./registry";
import { createSavedAnnouncer, savedMessage } from "./saved-announcer";
import { loadPlanAccess } from "../plans/load-visible-plan";
import { isCorruptUpdateMessage } from "../security/collab-update-check";
import { verifyCollabToken } from "./token";
import { HousekeepingQueue } from "./housekeeping-queue";
import { UpdateLog } from "./update-log";
import { saveAutomaticVersion } from "./versions";

/** One message may carry at most this much (a pasted table is far smaller). */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
/** A plan's document may not grow past this. */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

export interface CollabContext {
  actor: Actor;
  planId: string;
}

const logs = new Map<string, UpdateLog>();
const sizes = new Map<string, number>();

/**
 * Compaction and automatic versions, one document at a time (see HousekeepingQueue).
 * Every edit is already in the log, so a failure here loses nothing: it is logged and tried
 * again at the next pause.
 */
const housekeeping = new HousekeepingQueue(async (planId, reason) => {
  try {
    await logs.get(planId)?.flushed();
    const db = getDb();
    const { sizeBytes } = await compactDocument(db, planId);
    if (sizes.has(planId)) sizes.set(planId, sizeBytes);
    await saveAutomaticVersion(db, planId, reason);
  } catch (error) {
    console.error(`Compacting the document of plan ${planId} failed; its log is kept:`, error);
  }
});

/**
 * The collaboration server: authenticates every connection with a collab token and the same
 * policy functions as tRPC, appends every update to the log before telling editors it is saved,
 * and compacts the log a few seconds after editing pauses. With REDIS_URL it shares documents
 * with the other instances through Redis (see `redisExtension`).
 */
export function createCollabServer(options: { name?: string; maxDocumentBytes?: number } = {}) {
  const maxDocumentBytes = options.maxDocumentBytes ?? MAX_DOCUMENT_BYTES;
  const db = getDb();
  const instanceId = randomUUID();

  const announcer = createSavedAnnouncer(
    (planId) => hocuspocus.documents.get(planDocumentName(planId)),
    (planId) => logs.get(planId)?.idle ?? true,
  );
  const logFor = (planId: string) => {
    let log = logs.get(planId);
    if (!log) {
      log = new UpdateLog(db, planId, () => announcer.announce(planId));
      logs.set(planId, log);
    }
    return log;
  };

  const extension: Extension<CollabContext> = {
    async onAuthenticate({ token, documentName, connectionConfig }) {
      const planId = planIdFromDocumentName(documentName);
      const userId = planId ? await verifyCollabToken(token) : null;
      const actor = userId ? await loadActor(db, userId) : null;
      const plan = planId && actor ? await loadPlanAccess(db, planId) : null;
      if (!actor || !plan || !can(actor, "plan.view", plan)) throw new Error("Not allowed to open this document");
      connectionConfig.readOnly = !can(actor, "plan.update", plan);
      return { actor, planId: planId! } satisfies CollabContext;
    },

    async connected({ connection, context }) {
      // Tells a (re)connecting editor what is stored, so edits it kept offline can be confirmed;
      // while writes are pending, the broadcast when the log is idle does it.
      if (!logFor(context.planId).idle) announcer.expect(context.planId, connection);
      else if (connection.document) connection.sendStateless(savedMessage(connection.document));
    },

    async onLoadDocument({ document, documentName }) {
      const planId = planIdFromDocumentName(documentName)!;
      const updates = await loadDocumentUpdates(db, planId);
      document.transact(() => {
        for (const update of updates) Y.applyUpdate(document, update);
      });
      sizes.set(
        planId,
        updates.reduce((sum, u) => sum + u.length, 0),
      );
    },

    async beforeHandleMessage({ update, context, connection }) {
      if (update.length > MAX_MESSAGE_BYTES) throw new Error("Message too large");
      // Yjs would integrate part of a corrupt update before failing on the rest of it.
      if (!connection.readOnly && isCorruptUpdateMessage(update)) throw new Error("Malformed update");
      const size = (sizes.get(context.planId) ?? 0) + update.length;
      if (size > maxDocumentBytes && !connection.readOnly) {
        connection.sendStateless(encodeMessage({ type: "error", messageKey: "collab.tooLarge" }));
        throw new Error("Document too large");
      }
    },

    async onChange({ update, context, documentName, connection }) {
      // Updates from other instances (through Redis) are stored here too, though their instance
      // stores them as well: "saved" covers all this instance holds, and an instance may die
      // between forwarding an edit and storing it, after which its editor, reconnecting here,
      // has nothing new to send. Applying a Yjs update twice is harmless; compaction folds both.
      // Changes made on the server (a restored version) carry their own context.
      const planId = context?.planId ?? planIdFromDocumentName(documentName)!;
      sizes.set(planId, (sizes.get(planId) ?? 0) + update.length);
      logFor(planId).append(update, context?.actor?.userId ?? null);
      if (connection) announcer.expect(planId, connection);
    },

    async onStoreDocument({ documentName }) {
      const planId = planIdFromDocumentName(documentName)!;
      await housekeeping.schedule(planId, "activity");
    },

    async onDisconnect({ clientsCount, documentName }) {
      // The last editor left: keep a version of what they wrote.
      if (clientsCount === 0) await housekeeping.schedule(planIdFromDocumentName(documentName)!, "lastEditorLeft");
    },

    async afterUnloadDocument({ documentName }) {
      const planId = planIdFromDocumentName(documentName)!;
      if (logs.get(planId)?.idle) logs.delete(planId);
      sizes.delete(planId);
      announcer.forget(planId);
    },
  };

  const redis = redisExtension();
  const hocuspocus = new Hocuspocus<CollabContext>({
    name: options.name ?? "chungtay-collab",
    quiet: true,
    // Housekeeping only (every edit is in the log at once): 500 documents typed in bursts would
    // otherwise ask for dozens of compactions a second; what they ask for waits its turn anyway.
    debounce: 5000,
    maxDebounce: 60_000,
    extensions: [extension, ...(redis ? [redis] : [])],
  });
  const flush = (planId: string) => logs.get(planId)?.flushed() ?? Promise.resolve();
  // Closing the socket (not only the document) makes the provider reconnect and sign in again.
  const closeConnections = (planId: string) => {
    const document = hocuspocus.documents.get(planDocumentName(planId));
    for (const connection of document?.getConnections() ?? []) connection.webSocket.close(4001, "rights changed");
  };
  // Rights changed through another instance: re-check this instance's connections too.
  onAccessChange((event) => {
    if (event.origin !== instanceId) closeConnections(event.planId);
  });
  registerCollabServer({
    flush,
    redisReady: () => (redis ? redis.pub.status === "ready" && redis.sub.status === "ready" : null),
    reauthorize(planId) {
      closeConnections(planId);
      publishAccessChange(db, planId, instanceId).catch((error) =>
        console.error(`Telling other instances that rights on plan ${planId} changed failed:`, error),
      );
    },
    async replaceContent(planId, content, userId, announce) {
      const actor = await loadActor(db, userId);
      const connection = await hocuspocus.openDirectConnection(planDocumentName(planId), {
        actor,
        planId,
      } as CollabContext);
      await connection.transact((doc) => replaceContent(doc, content));
      connection.document?.broadcastStateless(encodeMessage(announce));
      await connection.disconnect();
      await flush(planId);
    },
  });
  return hocuspocus;
}

/** Waits until every update received by this process is stored and compactions under way end. */
export async function flushAllUpdates(): Promise<void> {
  await Promise.all([...logs.values()].map((log) => log.flushed()));
  await housekeeping.idle();
}

/** For a clean shutdown: disconnects everyone, runs the pending compactions now, and waits for the writes. */
export async function drainCollabServer(hocuspocus: Hocuspocus): Promise<void> {
  hocuspocus.closeConnections();
  hocuspocus.flushPendingStores();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await flushAllUpdates();
}
