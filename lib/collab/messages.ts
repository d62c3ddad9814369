/**
 * Stateless messages between the collaboration server and the editors, as JSON strings.
 * - saved: the server's durably stored state (a Yjs snapshot, base64); an editor's local
 *   change is saved once this snapshot contains it.
 * - error: why the server refused the editor's changes (a message key).
 * - restored: a version was restored (who restored which version).
 * - mode: what the server lets this connection do to the text, sent when it connects.
 */
export type CollabMessage =
  | { type: "saved"; snapshot: string }
  | { type: "error"; messageKey: "collab.tooLarge" | "collab.readOnly" | "collab.notSuggestion" }
  | { type: "restored"; versionId: string; by: string }
  | { type: "mode"; mode: CollabMode };

/** Edit the text, only suggest changes to it (a reviewer), or read it. */
export type CollabMode = "edit" | "suggest" | "read";

export const encodeMessage = (message: CollabMessage) => JSON.stringify(message);

export function decodeMessage(payload: string): CollabMessage | null {
  try {
    const message = JSON.parse(payload) as CollabMessage;
    return typeof message?.type === "string" ? message : null;
  } catch {
    return null;
  }
}

/** Bytes travel as base64 inside the JSON messages. */
export const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
