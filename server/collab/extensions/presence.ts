import type { beforeHandleAwarenessPayload, Extension, onDisconnectPayload } from "@hocuspocus/server";
import { colorFor, type PresenceState } from "@/lib/collab/presence";
import type { CollabContext } from "../context";

/**
 * Presence as the server vouches for it: an editor's name and colour come from the signed-in
 * user, whatever the browser sent; only the caret is taken from it; and a connection speaks
 * only for the Yjs clients it introduced first (it cannot move or erase someone else's caret).
 */
export class Presence implements Extension {
  /** Yjs client id → the socket that first spoke for it. */
  private readonly owners = new Map<number, string>();

  async beforeHandleAwareness({ context, states, socketId }: beforeHandleAwarenessPayload<CollabContext>) {
    if (!context?.actor) return;
    for (const [clientId, state] of [...states]) {
      const owner = this.owners.get(clientId) ?? socketId;
      if (owner !== socketId) {
        states.delete(clientId);
        continue;
      }
      this.owners.set(clientId, socketId);
      if (!state || Object.keys(state).length === 0) continue;
      const vouched: PresenceState = {
        user: { name: context.actor.name, color: colorFor(context.actor.userId) },
        ...(state.cursor !== undefined ? { cursor: state.cursor } : {}),
      };
      states.set(clientId, vouched as unknown as Record<string, unknown>);
    }
  }

  async onDisconnect({ socketId }: onDisconnectPayload) {
    for (const [clientId, owner] of this.owners) if (owner === socketId) this.owners.delete(clientId);
  }
}
