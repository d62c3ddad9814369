import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildActor, buildPlan, buildProgram, buildUnitTree } from "../../tests/factories";
import { getDb } from "../db/client";
import { searchable } from "@/lib/search-text";
import { FRAGMENT, plainText } from "./document-content";
import { appendUpdate, compactDocument, loadDocument } from "./persistence";

/** A Yjs editor writing paragraphs, as TipTap would. */
function editor() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  return {
    doc,
    write(text: string) {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText(text)]);
      const fragment = doc.getXmlFragment(FRAGMENT);
      fragment.insert(fragment.length, [p]);
      return updates.at(-1)!;
    },
  };
}
const textOf = (doc: Y.Doc) => doc.getXmlFragment(FRAGMENT).toArray().map((n) => (n as Y.XmlElement).toArray().join("")).join("|");

describe("document persistence", () => {
  let planId: string;
  beforeAll(async () => {
    const tree = await buildUnitTree(getDb());
    const program = await buildProgram(getDb());
    const author = await buildActor(getDb(), "planner", [tree.commune]);
    planId = (await buildPlan(getDb(), { unit: tree.commune, program, author })).id;
  });

  it("appends updates and loads them back", async () => {
    const e = editor();
    await appendUpdate(getDb(), planId, e.write("Mục tiêu 1"), null);
    await appendUpdate(getDb(), planId, e.write("Mục tiêu 2"), null);
    expect(textOf(await loadDocument(getDb(), planId))).toBe("Mục tiêu 1|Mục tiêu 2");
  });

  it("compacts the log into one state with its JSON and searchable text, losing nothing", async () => {
    const e = editor();
    await appendUpdate(getDb(), planId, e.write("Xây dựng phòng học kiên cố"), null);
    const { folded } = await compactDocument(getDb(), planId);
    expect(folded).toBeGreaterThan(0);
    expect(await getDb().planDocumentUpdate.count({ where: { planId } })).toBe(0);
    const stored = await getDb().planDocument.findUniqueOrThrow({ where: { planId } });
    expect(stored.text).toContain("Xây dựng phòng học kiên cố");
    expect(stored.searchText).toContain("xay dung phong hoc kien co");
    expect(stored.content).toMatchObject({ type: "doc" });
    await appendUpdate(getDb(), planId, e.write("Sau khi gộp"), null);
    // Two independent writers: Yjs orders their concurrent paragraphs by client id.
    expect(textOf(await loadDocument(getDb(), planId)).split("|").sort()).toEqual(["Mục tiêu 1", "Mục tiêu 2", "Sau khi gộp", "Xây dựng phòng học kiên cố"]);
  });

  it("keeps every update when appends race with concurrent compactions", async () => {
    const writers = [editor(), editor(), editor()];
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 12; i++) {
      const w = writers[i % 3]!;
      work.push(appendUpdate(getDb(), planId, w.write(`đồng thời ${i}`), null));
      if (i % 4 === 0) work.push(compactDocument(getDb(), planId));
    }
    await Promise.all(work);
    await compactDocument(getDb(), planId);
    const text = textOf(await loadDocument(getDb(), planId));
    for (let i = 0; i < 12; i++) expect(text).toContain(`đồng thời ${i}`);
  });

  it("turns the document into text per block and strips Vietnamese accents for search", () => {
    expect(plainText({ type: "doc", content: [{ type: "heading", content: [{ type: "text", text: "I. Mục tiêu" }] }, { type: "paragraph", content: [{ type: "text", text: "Đạt " }, { type: "text", text: "19/19 tiêu chí" }] }] })).toBe("I. Mục tiêu\nĐạt 19/19 tiêu chí");
    expect(searchable("Điện Biên ĐÔNG")).toBe("dien bien dong");
  });
});
