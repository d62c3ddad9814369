import type {
  afterUnloadDocumentPayload,
  beforeHandleMessagePayload,
  Extension,
  onDisconnectPayload,
} from "@hocuspocus/server";
import * as Y from "yjs";
import { encodeMessage } from "@/lib/collab/messages";
import { updateCarriedBy } from "../../security/collab-update-check";
import type { CollabContext } from "../context";
import { judgeSuggestion, type Suggester } from "../suggestion-rules";

const CHECK = { source: "suggestion-check" };

/**
 * A copy of a live document, kept in step with it, on which a suggester's update is tried
 * before the live document takes it: Yjs cannot take an update back, and what an update does
 * to the text (which letters a mark covers) is only known once its items are in place. The
 * copy follows every change of the live one (an update applied twice is a no-op for Yjs), so
 * a check costs the update and the paragraphs it touches, not a copy of the document.
 */
class Shadow {
  private doc: Y.Doc;
  private readonly follow = (update: Uint8Array) => Y.applyUpdate(this.doc, update);

  constructor(readonly live: Y.Doc) {
    this.doc = this.copy();
    live.on("update", this.follow);
  }

  /** Why the update is not a suggestion by `author`, or null when it is one. */
  judge(update: Uint8Array, author: Suggester): string | null {
    const { store } = this.doc;
    const pending = [store.pendingStructs, store.pendingDs];
    let verdict: string | null = null;
    const judge = (transaction: Y.Transaction) => {
      if (transaction.origin === CHECK) verdict = judgeSuggestion(transaction, author);
    };
    this.doc.on("beforeObserverCalls", judge);
    try {
      Y.applyUpdate(this.doc, update, CHECK);
    } catch {
      verdict = "an unreadable update";
    } finally {
      this.doc.off("beforeObserverCalls", judge);
    }
    // Items waiting for others the server lacks would go in unchecked when those arrive.
    if (!verdict && (store.pendingStructs !== pending[0] || store.pendingDs !== pending[1]))
      verdict = "items that depend on unknown ones";
    // The copy took in what the live document will not: start again from the live one.
    if (verdict) {
      this.doc.destroy();
      this.doc = this.copy();
    }
    return verdict;
  }

  destroy() {
    this.live.off("update", this.follow);
    this.doc.destroy();
  }

  private copy() {
    const doc = new Y.Doc({ guid: "suggestion-check" });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.live));
    return doc;
  }
}

/**
 * Holds a suggesting connection (a reviewer of a submitted plan, see Authentication) to
 * suggesting: each update it sends is tried on a copy of the document and refused, with the
 * document unchanged, unless all it does is mark insertions and deletions in the reviewer's
 * name or take back their own (server/collab/suggestion-rules.ts). The reviewer is told why
 * ("collab.notSuggestion") and disconnected. Copies exist only while a suggester is connected.
 */
export class Suggestions implements Extension {
  private readonly shadows = new Map<string, Shadow>();

  async beforeHandleMessage({
    update,
    connection,
    document,
    documentName,
    context,
  }: beforeHandleMessagePayload<CollabContext>) {
    if (context?.mode !== "suggest" || connection.readOnly) return;
    const carried = updateCarriedBy(update);
    if (!carried) return;
    let shadow = this.shadows.get(documentName);
    if (shadow?.live !== document) {
      shadow?.destroy();
      this.shadows.set(documentName, (shadow = new Shadow(document)));
    }
    const refused = shadow.judge(carried, { userId: context.actor.userId, name: context.actor.name });
    if (refused) {
      connection.sendStateless(encodeMessage({ type: "error", messageKey: "collab.notSuggestion" }));
      throw new Error(`A suggester sent ${refused}`);
    }
  }

  async onDisconnect({ documentName, document }: onDisconnectPayload<CollabContext>) {
    const suggesting = document
      ?.getConnections()
      .some((connection) => (connection.context as CollabContext | undefined)?.mode === "suggest");
    if (!suggesting) this.drop(documentName);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
    this.drop(documentName);
  }

  private drop(documentName: string) {
    this.shadows.get(documentName)?.destroy();
    this.shadows.delete(documentName);
  }
}
