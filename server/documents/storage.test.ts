import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildActor, buildPlan, buildProgram, buildUnitTree } from "../../tests/factories";
import { getDb } from "../db/client";
import { searchable } from "@/lib/search-text";
import { FRAGMENT, plainText } from "./content";
import { appendUpdate, appendUpdates, compactDocument, loadDocument } from "./storage";
import { ANNOUNCE_INTERVAL_MS, BatchWriter, UpdateLog } from "../collab/update-log";

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
async function freshPlan() {
  const tree = await buildUnitTree(getDb());
  const program = await buildProgram(getDb());
  const author = await buildActor(getDb(), "planner", [tree.commune]);
  return { planId: (await buildPlan(getDb(), { unit: tree.commune, program, author })).id, author, tree, program };
}
const textOf = (doc: Y.Doc) =>
  doc
    .getXmlFragment(FRAGMENT)
    .toArray()
    .map((n) => (n as Y.XmlElement).toArray().join(""))
    .join("|");

describe("document persistence", () => {
  let planId: string;
  let writer: BatchWriter;
  beforeAll(async () => {
    writer = new BatchWriter(getDb());
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
    expect(Math.abs(stored.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
    await appendUpdate(getDb(), planId, e.write("Sau khi gộp"), null);
    // Two independent writers: Yjs orders their concurrent paragraphs by client id.
    expect(
      textOf(await loadDocument(getDb(), planId))
        .split("|")
        .sort(),
    ).toEqual(["Mục tiêu 1", "Mục tiêu 2", "Sau khi gộp", "Xây dựng phòng học kiên cố"]);
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

  it("writes a burst of updates in batches and says it is idle only once they are all stored", async () => {
    const { planId: burstPlanId, author } = await freshPlan();
    // Each "idle" records how many updates had been appended then and how many rows are stored.
    const announcements: Promise<{ appended: number; stored: number }>[] = [];
    let appended = 0;
    const log = new UpdateLog(writer, burstPlanId, () => {
      const at = appended;
      announcements.push(
        getDb()
          .planDocumentUpdate.count({ where: { planId: burstPlanId } })
          .then((stored) => ({ appended: at, stored })),
      );
    });
    const e = editor();
    for (let i = 0; i < 5; i++, appended++) log.append(e.write(`gõ ${i}`), author.userId);
    expect(log.idle).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Most likely arrives while the first batch is being written: it goes in the next batch.
    for (let i = 5; i < 10; i++, appended++) log.append(e.write(`gõ ${i}`), author.userId);
    await log.flushed();
    expect(log.idle).toBe(true);
    // Announcements come at most every ANNOUNCE_INTERVAL_MS: the last one may still be due.
    await new Promise((resolve) => setTimeout(resolve, ANNOUNCE_INTERVAL_MS + 50));
    const seen = await Promise.all(announcements);
    expect(seen.length).toBeLessThanOrEqual(2);
    expect(seen.at(-1)).toEqual({ appended: 10, stored: 10 });
    for (const { appended: before, stored } of seen) expect(stored).toBeGreaterThanOrEqual(before);
    expect(textOf(await loadDocument(getDb(), burstPlanId))).toBe(
      Array.from({ length: 10 }, (_, i) => `gõ ${i}`).join("|"),
    );
  });

  it("commits the edits of documents typed a moment apart together (group commit)", async () => {
    const tree = await buildUnitTree(getDb());
    const program = await buildProgram(getDb());
    const author = await buildActor(getDb(), "planner", [tree.commune]);
    const plans = await Promise.all([1, 2].map(() => buildPlan(getDb(), { unit: tree.commune, program, author })));
    const logs = plans.map((plan) => new UpdateLog(writer, plan.id, () => {}));
    logs[0]!.append(editor().write("xã A"), author.userId);
    // Another keystroke in another document a millisecond later: a turn of the event loop apart.
    await new Promise((resolve) => setTimeout(resolve, 1));
    logs[1]!.append(editor().write("xã B"), author.userId);
    await Promise.all(logs.map((log) => log.flushed()));
    // Rows written by one statement carry the same transaction id.
    const transactions = await getDb().$queryRaw<{ xmin: string }[]>`
      SELECT DISTINCT xmin::text FROM "PlanDocumentUpdate" WHERE "planId" IN (${plans[0]!.id}, ${plans[1]!.id})`;
    expect(transactions).toHaveLength(1);
  });

  it("stores the logs of several documents written together, even when one of them cannot be stored", async () => {
    const tree = await buildUnitTree(getDb());
    const program = await buildProgram(getDb());
    const author = await buildActor(getDb(), "planner", [tree.commune]);
    const plans = await Promise.all([1, 2, 3].map(() => buildPlan(getDb(), { unit: tree.commune, program, author })));
    const idle: string[] = [];
    const logs = plans.map((plan) => new UpdateLog(writer, plan.id, () => idle.push(plan.id)));
    // A plan deleted meanwhile: its rows are refused (foreign key), the others' must not wait.
    const orphan = new UpdateLog(writer, "plan-that-does-not-exist", () => idle.push("orphan"));
    const writers = plans.map(() => editor());
    orphan.append(editor().write("mồ côi"), null);
    logs.forEach((log, i) => log.append(writers[i]!.write(`kế hoạch ${i}`), author.userId));
    await Promise.all(logs.map((log) => log.flushed()));
    expect(idle.sort()).toEqual(plans.map((p) => p.id).sort());
    expect(orphan.idle).toBe(false);
    for (const [i, plan] of plans.entries()) expect(textOf(await loadDocument(getDb(), plan.id))).toBe(`kế hoạch ${i}`);
  });

  it("stores any bytes and a missing author unchanged when several updates go in one write", async () => {
    // Not Yjs updates: a plan of its own, never loaded as a document.
    const { planId: rawPlanId, author } = await freshPlan();
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    await appendUpdates(getDb(), [
      { planId: rawPlanId, update: bytes, userId: null },
      { planId: rawPlanId, update: bytes.subarray(90, 130), userId: author.userId },
    ]);
    const rows = await getDb().planDocumentUpdate.findMany({ where: { planId: rawPlanId }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [...r.data])).toEqual([[...bytes], [...bytes.subarray(90, 130)]]);
    expect(rows.map((r) => r.userId)).toEqual([null, author.userId]);
  });

  it("turns the document into text per block and strips Vietnamese accents for search", () => {
    expect(
      plainText({
        type: "doc",
        content: [
          { type: "heading", content: [{ type: "text", text: "I. Mục tiêu" }] },
          {
            type: "paragraph",
            content: [
              { type: "text", text: "Đạt " },
              { type: "text", text: "19/19 tiêu chí" },
            ],
          },
        ],
      }),
    ).toBe("I. Mục tiêu\nĐạt 19/19 tiêu chí");
    expect(searchable("Điện Biên ĐÔNG")).toBe("dien bien dong");
  });
});
