import { EventEmitter, on } from "node:events";
import pg from "pg";
import type { Db } from "../db/client";
import { isEmbeddedDatabase } from "../db/client";
import { config } from "../config";

/**
 * "Something changed" signals for live views, on a plan's channel or a user's. With PostgreSQL
 * they travel by NOTIFY/LISTEN, so every server instance hears every change; the embedded
 * database serves a single process, where an in-process emitter is the same thing.
 */
export type PlanEvent = { planId: string; topic: "comments" | "workflow" | "planning" };
export type UserEvent = { userId: string; topic: "notifications" };
/**
 * What every collaboration server acts on, whichever process made the change (a web request,
 * the CLI, another instance): who may open a plan's document may have changed; a user's rights
 * changed (disabled, a role removed, a password reset); a plan's stored document was replaced
 * (a version restored) and the live copies must take it in. Kept on a channel of its own, so
 * browsers' streams never see it.
 */
export type CollabEvent =
  | { topic: "access"; planId: string }
  | { topic: "userAccess"; userId: string }
  | { topic: "replaced"; planId: string; versionId: string; by: string };
type LiveEvent = PlanEvent | UserEvent | CollabEvent;

const COLLAB_TOPICS: ReadonlySet<string> = new Set(["access", "userAccess", "replaced"]);
const channelOf = (event: LiveEvent) =>
  COLLAB_TOPICS.has(event.topic)
    ? "collab"
    : "planId" in event
      ? `plan:${event.planId}`
      : `user:${(event as UserEvent).userId}`;

const CHANNEL = "chungtay_plan_events";

interface LiveState {
  emitter: EventEmitter;
  listening?: Promise<void>;
}
// Shared by the custom server and Next's bundle, which are separate module graphs.
const holder = globalThis as unknown as { chungTayLive?: LiveState };
const state = (holder.chungTayLive ??= { emitter: new EventEmitter().setMaxListeners(0) });

/** Tells every instance's live viewers that `topic` changed. Call after the change is committed. */
export async function publishLiveEvent(db: Db, event: LiveEvent): Promise<void> {
  if (isEmbeddedDatabase()) {
    state.emitter.emit(channelOf(event), event);
    return;
  }
  await db.$executeRaw`SELECT pg_notify(${CHANNEL}, ${JSON.stringify(event)})`;
}

export const publishPlanEvent = (db: Db, event: PlanEvent) => publishLiveEvent(db, event);

/**
 * Calls `handler` for every collaboration event published by any process, for as long as the
 * process runs. Listening starts now (a collaboration server must hear changes made before its
 * first browser stream opens) and is retried until the database answers.
 */
export function onCollabEvent(handler: (event: CollabEvent) => void): () => void {
  state.emitter.on("collab", handler);
  const start = () => void listen().catch(() => setTimeout(start, 1000).unref());
  start();
  return () => void state.emitter.off("collab", handler);
}

/** One LISTEN connection per process, opened on first use and reopened if it drops. */
function listen(): Promise<void> {
  if (isEmbeddedDatabase()) return Promise.resolve();
  state.listening ??= (async () => {
    const client = new pg.Client({ connectionString: config().DATABASE_URL });
    client.on("notification", (message) => {
      try {
        const event = JSON.parse(message.payload ?? "") as LiveEvent;
        state.emitter.emit(channelOf(event), event);
      } catch {
        // Not ours: ignore.
      }
    });
    client.on("error", () => {
      state.listening = undefined;
      void client.end().catch(() => {});
      setTimeout(() => void listen().catch(() => {}), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
  })().catch((error) => {
    state.listening = undefined;
    throw error;
  });
  return state.listening;
}

async function* events<E extends LiveEvent>(channel: string, signal: AbortSignal | undefined): AsyncGenerator<E> {
  await listen();
  try {
    for await (const [event] of on(state.emitter, channel, { signal })) yield event as E;
  } catch (error) {
    if ((error as Error).name !== "AbortError") throw error;
  }
}

/** The plan's events as they happen, until `signal` aborts. */
export const planEvents = (planId: string, signal: AbortSignal | undefined) =>
  events<PlanEvent>(`plan:${planId}`, signal);

/** The user's own events (new notifications), until `signal` aborts. */
export const userEvents = (userId: string, signal: AbortSignal | undefined) =>
  events<UserEvent>(`user:${userId}`, signal);
