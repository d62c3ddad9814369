import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { WebSocket } from "ws";
import { openTestEditor } from "../../e2e/support/collab-client";

/** One editor of the load, on either server, with the same document shape (TipTap's). */
export interface LoadEditor {
  doc: Y.Doc;
  /** Authenticated (ours) and synced with the server. */
  ready: Promise<void>;
  type(text: string): void;
  /** Everything this editor holds is stored (ours); the reference stores nothing. */
  saved(timeoutMs?: number): Promise<void>;
  close(): void;
}

/** An editor of a plan on our server: the e2e Node client (HocuspocusProvider), token-authenticated, without presence. */
export function openOurEditor(baseURL: string, planId: string, token: string): LoadEditor {
  const editor = openTestEditor(baseURL, planId, token);
  // No presence: the reference editors send none either, so that both servers get the same
  // load (a null local state is never renewed, where {} is re-sent every 15 s).
  editor.provider.awareness?.setLocalState(null);
  const synced = new Promise<void>((resolve) => editor.provider.on("synced", () => resolve()));
  return {
    doc: editor.doc,
    ready: Promise.race([
      editor.authenticated.then(() => synced),
      editor.refused.then((reason) => Promise.reject(new Error(`refused: ${reason}`))),
    ]),
    type: editor.type,
    saved: editor.saved,
    close: editor.close,
  };
}

/**
 * An editor on the y-websocket reference server: the y-websocket wire protocol (sync step 1/2,
 * updates) over one socket, no awareness, as light as a client can be.
 */
export function openReferenceEditor(baseURL: string, name: string): LoadEditor {
  const doc = new Y.Doc();
  const ws = new WebSocket(`${baseURL.replace(/^http/, "ws")}/${name}`);
  ws.binaryType = "arraybuffer";
  const send = (write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    write(encoder);
    if (ws.readyState === WebSocket.OPEN) ws.send(encoding.toUint8Array(encoder));
  };
  let markSynced!: () => void;
  const ready = new Promise<void>((resolve, reject) => {
    markSynced = resolve;
    ws.once("error", reject);
  });
  ws.on("open", () => send((encoder) => syncProtocol.writeSyncStep1(encoder, doc)));
  ws.on("message", (data: ArrayBuffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== 0) return;
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, 0);
    const type = syncProtocol.readSyncMessage(decoder, reply, doc, ws);
    if (encoding.length(reply) > 1 && ws.readyState === WebSocket.OPEN) ws.send(encoding.toUint8Array(reply));
    if (type === syncProtocol.messageYjsSyncStep2) markSynced();
  });
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== ws) send((encoder) => syncProtocol.writeUpdate(encoder, update));
  });
  const fragment = doc.getXmlFragment("default");
  return {
    doc,
    ready,
    type(text) {
      doc.transact(() => {
        if (fragment.length === 0) {
          const paragraph = new Y.XmlElement("paragraph");
          paragraph.insert(0, [new Y.XmlText()]);
          fragment.insert(0, [paragraph]);
        }
        const target = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
        target.insert(target.length, text);
      });
    },
    saved: async () => {},
    close() {
      ws.close();
      doc.destroy();
    },
  };
}
