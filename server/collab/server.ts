import { Hocuspocus } from "@hocuspocus/server";
import { getDb } from "../db/client";
import type { CollabContext } from "./context";
import { Authentication } from "./extensions/authentication";
import { type LimitOptions, Limits } from "./extensions/limits";
import { Persistence } from "./extensions/persistence";
import { Presence } from "./extensions/presence";
import { Suggestions } from "./extensions/suggestions";
import { registerLocalCollab } from "./local-instance";
import { redisExtension } from "./redis";

export type { CollabContext } from "./context";
export { MAX_DOCUMENT_BYTES, MAX_MESSAGE_BYTES } from "./extensions/limits";

/**
 * How long a document's editing pauses before it is compacted and a version kept. Housekeeping
 * only (every edit is in the log at once): 500 documents typed in bursts would otherwise ask
 * for dozens of compactions a second; what they ask for waits its turn anyway.
 */
export const COMPACTION_DEBOUNCE_MS = 5000;

/**
 * The collaboration server: Hocuspocus with one extension per concern, each owning its state —
 * who may connect and stay connected (Authentication), what a connection may cost (Limits), a
 * reviewer's edits held to suggestions (Suggestions, after Limits: it only sees readable updates),
 * presence vouched for by the server (Presence), every edit stored before "saved", compaction
 * and versions (Persistence) and, with REDIS_URL, documents shared with the other instances.
 */
export function createCollabServer(options: { name?: string } & LimitOptions = {}) {
  const db = getDb();
  const persistence = new Persistence(db);
  const redis = redisExtension();
  const hocuspocus = new Hocuspocus<CollabContext>({
    name: options.name ?? "chungtay-collab",
    quiet: true,
    debounce: COMPACTION_DEBOUNCE_MS,
    maxDebounce: 60_000,
    extensions: [
      new Authentication(db),
      new Limits(options),
      new Suggestions(),
      new Presence(),
      persistence,
      ...(redis ? [redis] : []),
    ],
  });
  registerLocalCollab({
    flush: (planId) => persistence.flush(planId),
    redisReady: () => (redis ? redis.pub.status === "ready" && redis.sub.status === "ready" : null),
  });
  return Object.assign(hocuspocus, { flushAll: () => persistence.flushAll() });
}

export type CollabServer = ReturnType<typeof createCollabServer>;

/** For a clean shutdown: disconnects everyone, runs the pending compactions now, and waits for the writes. */
export async function drainCollabServer(collab: CollabServer): Promise<void> {
  collab.closeConnections();
  collab.flushPendingStores();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await collab.flushAll();
}
