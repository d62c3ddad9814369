import * as Y from "yjs";

/**
 * Where a comment on a passage points. `start` and `end` are Yjs relative positions (base64):
 * they name the first and last letters of the passage, so the anchor follows them through
 * everyone's edits, and text typed just before or after the passage stays outside it. The
 * quote and a little text on either side are kept as they were, to find the passage again
 * when a restored version replaces the text, and to show what was meant once it is gone.
 */
export interface PassageAnchor {
  start: string;
  end: string;
  quote: string;
  prefix: string;
  suffix: string;
}

/** Text kept on either side of a quote. */
export const CONTEXT_LENGTH = 32;

/** A text or element of the document (Yjs's types are invariant in their event type). */
type YType = Parameters<typeof Y.createRelativePositionFromTypeIndex>[0] | Y.XmlText;

export const encodePosition = (position: Y.RelativePosition) => {
  const bytes = Y.encodeRelativePosition(position);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};

/** The position an anchor names, or null when the text is not one. */
export function decodePosition(text: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** The first letter of a passage sticks to what follows the position; the end, to what precedes it. */
export const startAt = (type: YType, index: number) =>
  encodePosition(Y.createRelativePositionFromTypeIndex(type, index, 0));
export const endAt = (type: YType, index: number) =>
  encodePosition(Y.createRelativePositionFromTypeIndex(type, index, -1));
