/**
 * What the rest of a process needs of the collaboration server running in it, if one does:
 * to wait until the edits it received are stored, and whether its Redis link is up (health).
 * Kept on globalThis because the custom server and the code Next bundles are separate module
 * graphs. Everything else a change means to collaboration servers (rights re-checked, a
 * restored document) travels as events (server/live/live-events.ts) that every server hears,
 * so that a web request, the CLI and another instance have the same effect.
 */
interface LocalCollab {
  flush(planId: string): Promise<void>;
  /** The Redis connection shared with other instances: null when REDIS_URL is not set. */
  redisReady(): boolean | null;
}

const holder = globalThis as unknown as { chungTayCollab?: LocalCollab };

export const registerLocalCollab = (collab: LocalCollab) => {
  holder.chungTayCollab = collab;
};

export const localCollab = (): LocalCollab | undefined => holder.chungTayCollab;

/** Waits until the plan's edits this process received are stored; a process without a collaboration server holds none. */
export const flushLocalEdits = (planId: string) => holder.chungTayCollab?.flush(planId) ?? Promise.resolve();
