import type { beforeHandleMessagePayload, Extension, onChangePayload } from "@hocuspocus/server";
import * as Y from "yjs";
import { encodeMessage } from "@/lib/collab/messages";
import { inspectUpdateMessage } from "../../security/collab-update-check";
import type { CollabContext } from "../context";

/** One message may carry at most this much (a pasted table is far smaller). */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
/** A plan's document may not grow past this, encoded. */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
/**
 * Nor past this many Yjs items. Memory follows items, not bytes: an item costs the server about
 * 200 bytes of objects however small its encoding (measured: 200,000 one-letter insertions,
 * 2.2 MB encoded, took 42 MB of heap), so a few such updates would take hundreds of MB while
 * staying under the byte limit. 300,000 items are about 63 MB; typed text merges into far fewer
 * items, so a long plan edited by many people for a year stays well below.
 */
export const MAX_DOCUMENT_STRUCTS = 300_000;

export interface LimitOptions {
  maxMessageBytes?: number;
  maxDocumentBytes?: number;
  maxDocumentStructs?: number;
}

/** The items a document holds: the length of each client's list, not a walk through them. */
function structCount(doc: Y.Doc): number {
  let count = 0;
  for (const structs of doc.store.clients.values()) count += structs.length;
  return count;
}

/**
 * What one connection may ask of the server's memory: messages of bounded size, updates that Yjs
 * can read (a corrupt one would leave part of itself in the live document before failing), and
 * documents bounded in encoded size and in items. A writer over the limit is told why
 * ("collab.tooLarge") and its connection closed; the document stays as it was.
 */
export class Limits implements Extension {
  /** Bytes each loaded document may hold: its encoded size at load, plus every change since. */
  private readonly sizes = new Map<string, number>();
  private readonly maxMessageBytes: number;
  private readonly maxDocumentBytes: number;
  private readonly maxDocumentStructs: number;

  constructor(options: LimitOptions = {}) {
    this.maxMessageBytes = options.maxMessageBytes ?? MAX_MESSAGE_BYTES;
    this.maxDocumentBytes = options.maxDocumentBytes ?? MAX_DOCUMENT_BYTES;
    this.maxDocumentStructs = options.maxDocumentStructs ?? MAX_DOCUMENT_STRUCTS;
  }

  async afterLoadDocument({ document, documentName }: { document: Y.Doc; documentName: string }) {
    this.sizes.set(documentName, Y.encodeStateAsUpdate(document).length);
  }

  async beforeHandleMessage({ update, connection, document, documentName }: beforeHandleMessagePayload<CollabContext>) {
    if (update.length > this.maxMessageBytes) throw new Error("Message too large");
    if (connection.readOnly) return;
    const { corrupt, structs } = inspectUpdateMessage(update);
    if (corrupt) throw new Error("Malformed update");
    if (!structs) return;
    let size = (this.sizes.get(documentName) ?? 0) + update.length;
    // The running total only grows (deletions shrink the encoding): near the limit, measure.
    if (size > this.maxDocumentBytes) {
      size = Y.encodeStateAsUpdate(document).length + update.length;
      this.sizes.set(documentName, size - update.length);
    }
    if (size > this.maxDocumentBytes || structCount(document) + structs > this.maxDocumentStructs) {
      connection.sendStateless(encodeMessage({ type: "error", messageKey: "collab.tooLarge" }));
      throw new Error("Document too large");
    }
  }

  async onChange({ update, documentName }: onChangePayload) {
    this.sizes.set(documentName, (this.sizes.get(documentName) ?? 0) + update.length);
  }

  async afterUnloadDocument({ documentName }: { documentName: string }) {
    this.sizes.delete(documentName);
  }
}
