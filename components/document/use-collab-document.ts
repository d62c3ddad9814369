"use client";

import { HocuspocusProvider, WebSocketStatus } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import { type CollabMode, decodeMessage } from "@/lib/collab/messages";

export type ConnectionState = "connecting" | "connected" | "reconnecting" | "offline";
export interface Collaborator {
  clientId: number;
  name: string;
  color: string;
}

export interface CollabDocument {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  connection: ConnectionState;
  /** True while some local change is not yet stored by the server. */
  unsaved: boolean;
  readOnly: boolean;
  /** What the server lets this editor do: edit, only suggest (a reviewer), or read. */
  mode: CollabMode;
  collaborators: Collaborator[];
  /** Message key of a refusal by the server, if any. */
  error: string | null;
  /** Who restored a version, when someone just did. */
  restoredBy: string | null;
}

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/**
 * Opens a plan's shared document: local copy in IndexedDB (edits survive a closed tab while
 * offline), live sync over the collaboration socket, and an honest saved state: a change
 * counts as saved only once a snapshot the server sends after storing it contains it.
 */
export function useCollabDocument(planId: string, canEdit: boolean): CollabDocument | null {
  const [state, setState] = useState<CollabDocument | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const local = new IndexeddbPersistence(`chungtay-plan-${planId}`, doc);
    let pending: Uint8Array[] = [];
    let everConnected = false;
    let connected = false;
    const update = (patch: Partial<CollabDocument>) => setState((s) => (s ? { ...s, ...patch } : s));

    const provider = new HocuspocusProvider({
      url: `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/collab`,
      name: `plan:${planId}`,
      document: doc,
      token: async () => {
        const response = await fetch("/api/collab/token", { method: "POST" });
        if (!response.ok) throw new Error("no collab token");
        return ((await response.json()) as { token: string }).token;
      },
      onStatus: ({ status }) => {
        connected = status === WebSocketStatus.Connected;
        if (connected) everConnected = true;
        const offline = typeof navigator !== "undefined" && !navigator.onLine;
        update({
          connection:
            status === WebSocketStatus.Connected
              ? "connected"
              : offline
                ? "offline"
                : everConnected
                  ? "reconnecting"
                  : "connecting",
        });
      },
      // The "mode" message that follows says whether a writable connection edits or suggests.
      onAuthenticated: ({ scope }) =>
        update(scope === "readonly" ? { readOnly: true, mode: "read", error: null } : { error: null }),
      onAuthenticationFailed: () => update({ error: "collab.refused" }),
      onStateless: ({ payload }) => {
        const message = decodeMessage(payload);
        if (message?.type === "saved") {
          const snapshot = Y.decodeSnapshot(fromBase64(message.snapshot));
          pending = pending.filter((u) => !Y.snapshotContainsUpdate(snapshot, u));
          update({ unsaved: pending.length > 0 });
        } else if (message?.type === "error") {
          update({ error: message.messageKey });
          provider.disconnect();
        } else if (message?.type === "restored") {
          update({ restoredBy: message.by });
        } else if (message?.type === "mode") {
          update({ mode: message.mode, readOnly: message.mode === "read" });
        }
      },
    });

    doc.on("update", (change: Uint8Array, origin: unknown) => {
      if (origin === provider) return;
      pending.push(change);
      // Long offline sessions would grow the list; one merged update says the same.
      if (pending.length > 64) pending = [Y.mergeUpdates(pending)];
      update({ unsaved: true });
    });
    // Edits kept from an earlier, offline session are unsaved until the server confirms them.
    void local.whenSynced.then(() => {
      if (doc.store.clients.size > 0) pending.push(Y.encodeStateAsUpdate(doc));
    });

    const onAwareness = () => {
      const collaborators = [...provider.awareness!.getStates().entries()]
        .filter(([clientId, s]) => clientId !== doc.clientID && s.user)
        .map(([clientId, s]) => ({ clientId, name: String(s.user.name), color: String(s.user.color) }));
      update({ collaborators });
    };
    provider.awareness?.on("change", onAwareness);
    // Going offline is known at once from the browser; no need to wait for the socket to time out.
    const onNetwork = () => {
      if (navigator.onLine) void provider.connect();
      else provider.disconnect();
      update({ connection: navigator.onLine ? (connected ? "connected" : "reconnecting") : "offline" });
    };
    window.addEventListener("online", onNetwork);
    window.addEventListener("offline", onNetwork);
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (pending.length > 0) event.preventDefault();
    };
    window.addEventListener("beforeunload", beforeUnload);

    setState({
      doc,
      provider,
      connection: "connecting",
      unsaved: false,
      readOnly: !canEdit,
      mode: canEdit ? "edit" : "read",
      collaborators: [],
      error: null,
      restoredBy: null,
    });
    return () => {
      window.removeEventListener("online", onNetwork);
      window.removeEventListener("offline", onNetwork);
      window.removeEventListener("beforeunload", beforeUnload);
      provider.destroy();
      void local.destroy();
      doc.destroy();
      setState(null);
    };
  }, [planId, canEdit]);

  return state;
}
