import * as Y from "yjs";
import type { TestEditor } from "../../e2e/support/collab-client";
import { trackAcknowledgements } from "./crash-editor";

/**
 * Types one character at a time into a paragraph of its own (so that concurrent writers never
 * interleave inside each other's words), spelling out numbered markers like `[w3.17]`; a marker
 * counts as acknowledged once the server's "saved" snapshot covers its last character.
 * Counts the socket closing under it as an error, unless `expectClose()` was called.
 */
export function soakWriter(editor: TestEditor, name: string) {
  const acks = trackAcknowledgements(editor);
  const fragment = editor.doc.getXmlFragment("default");
  let own: Y.XmlText | null = null;
  let next = 0;
  let pending = "";
  let keystrokes = 0;
  let socketErrors = 0;
  let closing = false;
  editor.provider.on("close", () => {
    if (!closing) socketErrors++;
  });
  editor.provider.on("authenticationFailed", () => socketErrors++);
  return {
    /** One keystroke. */
    press() {
      if (!pending) pending = `[${name}.${next++}] `;
      const char = pending[0]!;
      pending = pending.slice(1);
      editor.doc.transact(() => {
        if (!own) {
          const paragraph = new Y.XmlElement("paragraph");
          own = new Y.XmlText();
          paragraph.insert(0, [own]);
          fragment.push([paragraph]);
        }
        own.insert(own.length, char);
      });
      keystrokes++;
      if (char === "]") acks.typed(`[${name}.${next - 1}]`);
    },
    acknowledged: acks.acknowledged,
    pendingMarkers: acks.pending,
    keystrokes: () => keystrokes,
    socketErrors: () => socketErrors,
    expectClose() {
      closing = true;
    },
  };
}
