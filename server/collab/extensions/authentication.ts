import type { Connection, connectedPayload, Extension, Hocuspocus, onAuthenticatePayload } from "@hocuspocus/server";
import { type CollabMode, encodeMessage } from "@/lib/collab/messages";
import type { Db } from "../../db/client";
import { type CollabEvent, onCollabEvent } from "../../live/live-events";
import { can } from "../../policies";
import { loadActor } from "../../policies/actor";
import { loadPlanAccess } from "../../plans/load-visible-plan";
import type { CollabContext } from "../context";
import { planDocumentName, planIdFromDocumentName } from "../document-name";
import { verifyCollabToken } from "../token";

/** The close code that tells an editor to reconnect and be checked again. */
export const RIGHTS_CHANGED = 4001;

/**
 * Who may open a plan's document, decided by the same policies as tRPC and the CLI: a valid
 * collab token, an enabled account that may view the plan; it edits if it may edit, suggests if
 * it may suggest (a reviewer of a submitted plan), and is read-only otherwise.
 * Rights are held to while connections stay open: when any process publishes that a plan's
 * access or a user's rights changed (server/commands/effects.ts), the connections concerned are
 * marked revoked — what they still send is refused — and closed, so editors reconnect and are
 * checked again, or are refused.
 */
export class Authentication implements Extension {
  private instance: Hocuspocus | null = null;
  private stopListening: (() => void) | null = null;

  constructor(private readonly db: Db) {}

  async onConfigure({ instance }: { instance: Hocuspocus }) {
    this.instance = instance;
    this.stopListening = onCollabEvent((event) => this.revoke(event));
  }

  async onDestroy() {
    this.stopListening?.();
  }

  async onAuthenticate({ token, documentName, connectionConfig }: onAuthenticatePayload): Promise<CollabContext> {
    const planId = planIdFromDocumentName(documentName);
    const userId = planId ? await verifyCollabToken(token) : null;
    const actor = userId ? await loadActor(this.db, userId) : null;
    const plan = planId && actor ? await loadPlanAccess(this.db, planId) : null;
    if (!actor || !plan || !can(actor, "plan.view", plan)) throw new Error("Not allowed to open this document");
    const mode: CollabMode = can(actor, "plan.update", plan)
      ? "edit"
      : can(actor, "plan.suggest", plan)
        ? "suggest"
        : "read";
    // A suggester writes too: what they send is held to suggesting by the Suggestions extension.
    connectionConfig.readOnly = mode === "read";
    return { actor, planId: planId!, mode };
  }

  /** The editor learns from the server what it may do, and offers that (suggesting, for a reviewer). */
  async connected({ connection, context }: connectedPayload<CollabContext>) {
    connection.sendStateless(encodeMessage({ type: "mode", mode: context.mode }));
  }

  async beforeHandleMessage({ context }: { context: CollabContext }) {
    if (context?.revoked) throw new Error("Rights changed: reconnect");
  }

  private revoke(event: CollabEvent) {
    const affected =
      event.topic === "access"
        ? (c: Connection<CollabContext>) => c.context?.planId === event.planId
        : event.topic === "userAccess"
          ? (c: Connection<CollabContext>) => c.context?.actor.userId === event.userId
          : null;
    if (!affected || !this.instance) return;
    const documents =
      event.topic === "access"
        ? [this.instance.documents.get(planDocumentName(event.planId))]
        : [...this.instance.documents.values()];
    for (const document of documents)
      for (const connection of (document?.getConnections() ?? []) as Connection<CollabContext>[]) {
        if (!affected(connection)) continue;
        connection.context.revoked = true;
        // Closing the socket (not only the document) makes the provider reconnect and sign in again.
        connection.webSocket.close(RIGHTS_CHANGED, "rights changed");
      }
  }
}
