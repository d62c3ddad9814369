import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { authFrame, awarenessFrame, paragraphUpdate, updateFrame } from "../../tests/fuzz/collab-frames";
import { createRandom, mutateBytes } from "../../tests/fuzz/random";
import { inspectUpdateMessage } from "./collab-update-check";

describe("corrupt collaboration updates", () => {
  it("lets valid updates and other messages through", () => {
    expect(inspectUpdateMessage(updateFrame("plan:abc", paragraphUpdate("Mục tiêu"), 2)).corrupt).toBe(false);
    expect(inspectUpdateMessage(updateFrame("plan:abc", paragraphUpdate("Mục tiêu"), 1)).corrupt).toBe(false);
    expect(inspectUpdateMessage(authFrame("plan:abc", "token")).corrupt).toBe(false);
    expect(inspectUpdateMessage(awarenessFrame("plan:abc", new Uint8Array([1, 2, 3]))).corrupt).toBe(false);
    expect(inspectUpdateMessage(new Uint8Array([0xff, 0xff])).corrupt).toBe(false);
  });

  it("catches every mutated update that would leave part of itself in a document", () => {
    const random = createRandom(7);
    let partial = 0;
    for (let i = 0; i < 3000; i++) {
      const update = mutateBytes(random, paragraphUpdate("Bị hỏng"));
      const doc = new Y.Doc();
      let failed = false;
      try {
        Y.applyUpdate(doc, update);
      } catch {
        failed = true;
      }
      // Yjs threw, yet the document kept some of the update: exactly what must never reach the live document.
      if (failed && doc.getXmlFragment("default").length > 0) {
        partial++;
        expect(inspectUpdateMessage(updateFrame("plan:abc", update, 2)).corrupt, `mutation ${i}`).toBe(true);
      }
      doc.destroy();
    }
    expect(partial).toBeGreaterThan(100);
  });
});
