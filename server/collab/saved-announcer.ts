import type { Connection, Document } from "@hocuspocus/server";
import * as Y from "yjs";
import { encodeMessage, toBase64 } from "@/lib/collab/messages";

/** After this long without a new announcement, every editor of the document is told as well. */
export const QUIET_ANNOUNCEMENT_MS = 2000;

const messages = new WeakMap<Y.Doc, string>();

/**
 * The "saved" message: the document's snapshot, sent when the update log is idle, when
 * everything the server holds in memory is stored, so its snapshot is exactly what is saved.
 * Kept until the document next changes: snapshotting walks the whole document.
 */
export function savedMessage(document: Y.Doc): string {
  let message = messages.get(document);
  if (!message) {
    message = encodeMessage({ type: "saved", snapshot: toBase64(Y.encodeSnapshot(Y.snapshot(document))) });
    messages.set(document, message);
    document.once("update", () => messages.delete(document));
  }
  return message;
}

/**
 * Tells editors that their edits are stored. An editor only needs "saved" for what it wrote
 * itself (the browser clears its own unsaved edits with it), so each announcement goes to the
 * editors that sent edits (or connected) since their last one: while three people type in a
 * document, one frame per announcement instead of three. Once the document is quiet, everyone
 * is told, so that an editor also learns that what it received from the others is stored.
 * To this instance's editors only: "saved" speaks for this instance's log, and through Redis
 * it would reach editors whose edits another instance has not stored yet.
 */
export function createSavedAnnouncer(
  documentOf: (planId: string) => Document | undefined,
  isIdle: (planId: string) => boolean,
) {
  const waiting = new Map<string, Set<Connection>>();
  const quiet = new Map<string, NodeJS.Timeout>();

  const tellEveryone = (planId: string) => {
    quiet.delete(planId);
    const document = documentOf(planId);
    if (document && isIdle(planId)) document.relayStateless(savedMessage(document));
  };

  return {
    /** `connection` wrote to the document, or connected while writes were pending: it is told at the next announcement. */
    expect(planId: string, connection: Connection) {
      let connections = waiting.get(planId);
      if (!connections) waiting.set(planId, (connections = new Set()));
      connections.add(connection);
    },

    /** The document's log is idle: everything this instance holds of it is stored. */
    announce(planId: string) {
      const document = documentOf(planId);
      const connections = waiting.get(planId);
      waiting.delete(planId);
      if (!document) return;
      if (connections) document.relayStateless(savedMessage(document), (connection) => connections.has(connection));
      clearTimeout(quiet.get(planId));
      quiet.set(planId, setTimeout(() => tellEveryone(planId), QUIET_ANNOUNCEMENT_MS).unref());
    },

    /** The document left memory. */
    forget(planId: string) {
      clearTimeout(quiet.get(planId));
      quiet.delete(planId);
      waiting.delete(planId);
    },
  };
}
