import * as decoding from "lib0/decoding";
import * as Y from "yjs";

/** Hocuspocus's sync message type, and y-protocols' sync step 2 and update. */
const SYNC = 0;
const CARRIES_UPDATE = new Set([1, 2]);

/**
 * True when a collaboration frame carries a Yjs update (sync step 2 or an update) that Yjs
 * cannot read. Yjs integrates an update's items before it reads the rest of it, so a corrupt
 * update applied to the live document can leave part of itself there (stored and sent to every
 * editor) although the message then fails and its connection is closed. Reading the update in
 * full and applying it to an empty scratch document first keeps the live one untouched. A frame
 * that is not an update, or that cannot even be unpacked, is Hocuspocus's to refuse.
 */
export function isCorruptUpdateMessage(message: Uint8Array): boolean {
  let update: Uint8Array;
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder); // the document name
    if (decoding.readVarUint(decoder) !== SYNC || !CARRIES_UPDATE.has(decoding.readVarUint(decoder))) return false;
    update = decoding.readVarUint8Array(decoder);
  } catch {
    return false;
  }
  const scratch = new Y.Doc();
  try {
    Y.decodeUpdate(update);
    Y.applyUpdate(scratch, update);
    return false;
  } catch {
    return true;
  } finally {
    scratch.destroy();
  }
}
