import { EventEmitter, on } from "node:events";
import pg from "pg";
import type { Db } from "../db/client";
import { isEmbeddedDatabase } from "../db/client";

/**
 * "Something of this plan changed" signals for live views. With PostgreSQL they travel by
 * NOTIFY/LISTEN, so every server instance hears every change; the embedded database serves a
 * single process, where an in-process emitter is the same thing.
 */
export type PlanEvent = { planId: string; topic: "comments" | "workflow" };

const CHANNEL = "chungtay_plan_events";

interface LiveState {
  emitter: EventEmitter;
  listening?: Promise<void>;
}
// Shared by the custom server and Next's bundle, which are separate module graphs.
const holder = globalThis as unknown as { chungTayLive?: LiveState };
const state = (holder.chungTayLive ??= { emitter: new EventEmitter().setMaxListeners(0) });

/** Tells every instance's live viewers of the plan that `topic` changed. Call after the change is committed. */
export async function publishPlanEvent(db: Db, event: PlanEvent): Promise<void> {
  if (isEmbeddedDatabase()) {
    state.emitter.emit(event.planId, event);
    return;
  }
  await db.$executeRaw`SELECT pg_notify(${CHANNEL}, ${JSON.stringify(event)})`;
}

/** One LISTEN connection per process, opened on first use and reopened if it drops. */
function listen(): Promise<void> {
  if (isEmbeddedDatabase()) return Promise.resolve();
  state.listening ??= (async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    client.on("notification", (message) => {
      try {
        const event = JSON.parse(message.payload ?? "") as PlanEvent;
        state.emitter.emit(event.planId, event);
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

/** The plan's events as they happen, until `signal` aborts. */
export async function* planEvents(planId: string, signal: AbortSignal | undefined): AsyncGenerator<PlanEvent> {
  await listen();
  try {
    for await (const [event] of on(state.emitter, planId, { signal })) yield event as PlanEvent;
  } catch (error) {
    if ((error as Error).name !== "AbortError") throw error;
  }
}
