import type { Hocuspocus } from "@hocuspocus/server";

/**
 * The collaboration server running in this process, if any. The custom server and the code
 * Next bundles are separate module graphs in one process, so it is kept on globalThis; tRPC
 * procedures use it to flush a document's pending edits or apply a restore live.
 */
interface Registry {
  hocuspocus: Hocuspocus;
  flush(planId: string): Promise<void>;
}

const holder = globalThis as unknown as { chungTayCollab?: Registry };

export const registerCollabServer = (registry: Registry) => {
  holder.chungTayCollab = registry;
};

export const runningCollabServer = (): Registry | undefined => holder.chungTayCollab;
