import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { authFrame, awarenessFrame, paragraphUpdate, updateFrame } from "../../tests/fuzz/collab-frames";
import { createRandom, mutateBytes } from "../../tests/fuzz/random";
import { isCorruptUpdateMessage } from "./collab-update-check";

describe("corrupt collaboration updates", () => {
  it("lets valid updates and other messages through", () => {
    expect(isCorruptUpdateMessage(updateFrame("plan:abc", paragraphUpdate("Mục tiêu"), 2))).toBe(false);
    expect(isCorruptUpdateMessage(updateFrame("plan:abc", paragraphUpdate("Mục tiêu"), 1))).toBe(false);
    expect(isCorruptUpdateMessage(authFrame("plan:abc", "token"))).toBe(false);
    expect(isCorruptUpdateMessage(awarenessFrame("plan:abc", new Uint8Array([1, 2, 3])))).toBe(false);
    expect(isCorruptUpdateMessage(new Uint8Array([0xff, 0xff]))).toBe(false);
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
        expect(isCorruptUpdateMessage(updateFrame("plan:abc", update, 2)), `mutation ${i}`).toBe(true);
      }
      doc.destroy();
    }
    expect(partial).toBeGreaterThan(100);
  });
});
