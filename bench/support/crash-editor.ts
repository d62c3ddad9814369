import * as Y from "yjs";
import { openTestEditor, type TestEditor } from "../../e2e/support/collab-client";
import { decodeMessage } from "../../lib/collab/messages";
import { issueCollabToken } from "../../server/collab/token";

/**
 * A fresh editor on `baseURL`, resolved once the server's state has reached it, so that what it
 * shows can be compared with what was acknowledged. Each (re)connection signs a new token with
 * this process's AUTH_SECRET, which the server under test shares.
 */
export async function openSyncedEditor(
  baseURL: string,
  plan: { planId: string; userId: string },
  timeoutMs = 10_000,
): Promise<TestEditor> {
  const editor = openTestEditor(baseURL, plan.planId, async () => (await issueCollabToken(plan.userId)).token);
  try {
    const refused = editor.refused.then((reason) => Promise.reject(new Error(`refused: ${reason}`)));
    await within(timeoutMs, "authentication", Promise.race([editor.authenticated, refused]));
    await within(
      timeoutMs,
      "sync",
      new Promise<void>((resolve) =>
        editor.provider.isSynced ? resolve() : editor.provider.on("synced", () => resolve()),
      ),
    );
    return editor;
  } catch (error) {
    editor.close();
    throw error;
  }
}

/**
 * Acknowledgement of each edit, exactly: `typed(edit)` right after typing it remembers where it
 * ends in the editor's own Yjs clock; an edit is acknowledged once a "saved" snapshot from the
 * server (sent only when everything it holds is stored) reaches that clock.
 */
export function trackAcknowledgements(editor: TestEditor) {
  const clientId = editor.doc.clientID;
  const edits: { edit: string; clock: number }[] = [];
  let storedClock = 0;
  editor.provider.on("stateless", ({ payload }: { payload: string }) => {
    const message = decodeMessage(payload);
    if (message?.type === "saved")
      storedClock = Math.max(
        storedClock,
        Y.decodeSnapshot(Buffer.from(message.snapshot, "base64")).sv.get(clientId) ?? 0,
      );
  });
  return {
    typed(edit: string) {
      edits.push({ edit, clock: Y.getState(editor.doc.store, clientId) });
    },
    acknowledged: () => edits.filter((e) => e.clock <= storedClock).map((e) => e.edit),
    /** Edits typed but not (yet) acknowledged. */
    pending: () => edits.filter((e) => e.clock > storedClock).map((e) => e.edit),
  };
}

export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
