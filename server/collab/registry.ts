import type { JSONContent } from "@tiptap/core";
import type { CollabMessage } from "@/lib/collab/messages";

/**
 * The collaboration server running in this process, if any. The custom server and the code
 * Next bundles are separate module graphs in one process, so it is kept on globalThis; tRPC
 * procedures use it to flush a document's pending edits or apply a restore live. Yjs work
 * happens behind these functions, in the collaboration server's own module graph, because
 * Yjs types from two copies of the library cannot be mixed.
 */
interface Registry {
  flush(planId: string): Promise<void>;
  /**
   * Closes the open connections to a plan's document; editors reconnect at once and their
   * rights are checked again (used when a plan's status or issuing unit changes).
   */
  reauthorize(planId: string): void;
  /** Replaces the live document's content as one change by `userId`, then tells its editors. */
  replaceContent(planId: string, content: JSONContent, userId: string, announce: CollabMessage): Promise<void>;
  /** The Redis connection shared with other instances: null when REDIS_URL is not set. */
  redisReady(): boolean | null;
}

const holder = globalThis as unknown as { chungTayCollab?: Registry };

export const registerCollabServer = (registry: Registry) => {
  holder.chungTayCollab = registry;
};

export const runningCollabServer = (): Registry | undefined => holder.chungTayCollab;
