import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { decodeMessage } from "@/lib/collab/messages";
import { DELETION, INSERTION } from "@/lib/editor/suggestions";
import { startCollabHarness, until } from "../../tests/collab-harness";
import { buildActor, buildPlan, buildProgram, buildUnitTree } from "../../tests/factories";
import { transitionPlan } from "../approvals/transition-plan";
import { getDb } from "../db/client";
import { contentOf, FRAGMENT } from "../documents/content";
import { appendUpdate, loadDocument } from "../documents/storage";
import type { Actor } from "../policies/actor";

const SENTENCE = "Xây 6 phòng bán trú cho điểm trường Huổi Lóng.";

/**
 * The rights of suggesting, on the real socket: a reviewer of a submitted plan connects in
 * "suggest" mode and may only mark insertions and deletions in their own name; whatever else
 * they send is refused and nothing of it is stored. Editors keep editing freely; readers and
 * outsiders change nothing.
 */
describe("suggesting on the collaboration socket", () => {
  let harness: Awaited<ReturnType<typeof startCollabHarness>>;
  let tree: Awaited<ReturnType<typeof buildUnitTree>>;
  let program: Awaited<ReturnType<typeof buildProgram>>;
  let planner: Actor;
  let leader: Actor;

  beforeAll(async () => {
    tree = await buildUnitTree(getDb());
    program = await buildProgram(getDb());
    planner = await buildActor(getDb(), "planner", [tree.commune], "Cán bộ xã");
    leader = await buildActor(getDb(), "leader", [tree.district], "Lãnh đạo huyện");
    harness = await startCollabHarness();
  });

  afterAll(() => harness.stop());

  /** A plan of the commune whose document holds one paragraph, in `status`. */
  async function planWithText(status: "submitted" | "draft") {
    const plan = await buildPlan(getDb(), { unit: tree.commune, program, author: planner, status });
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(SENTENCE)]);
    doc.getXmlFragment(FRAGMENT).insert(0, [paragraph]);
    await appendUpdate(getDb(), plan.id, Y.encodeStateAsUpdate(doc), planner.userId);
    return plan.id;
  }

  async function open(planId: string, actor: Actor) {
    const connection = harness.connect(planId, actor);
    const modes: string[] = [];
    connection.provider.on("stateless", ({ payload }: { payload: string }) => {
      const message = decodeMessage(payload);
      if (message?.type === "mode") modes.push(message.mode);
    });
    await until(() => modes.length > 0 && connection.text().includes("Huổi Lóng"));
    const text = () => (connection.doc.getXmlFragment(FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    return { ...connection, modes, paragraphText: text };
  }

  const stored = async (planId: string) => {
    await harness.collab.flushAll();
    const doc = await loadDocument(getDb(), planId);
    return JSON.stringify(contentOf(doc));
  };
  const mark = (actor: Actor, id: string) => ({ id, userId: actor.userId, name: actor.name });

  it("lets the reviewer of a submitted plan insert and strike text in their name, and take it back", async () => {
    const planId = await planWithText("submitted");
    const reviewer = await open(planId, leader);
    expect(reviewer.modes).toEqual(["suggest"]);
    expect(reviewer.events.scope).toBe("read-write");

    const text = reviewer.paragraphText();
    text.insert(4, "thêm ", { [INSERTION]: mark(leader, "s1") });
    text.format(SENTENCE.indexOf("Huổi") + 5, "Huổi Lóng".length, { [DELETION]: mark(leader, "s2") });
    await until(async () => (await stored(planId)).includes("thêm "));
    let content = await stored(planId);
    expect(content).toContain(`"type":"${INSERTION}"`);
    expect(content).toContain(`"type":"${DELETION}"`);

    // Taking back: their own insertion goes for good, their strike comes off.
    text.delete(4, "thêm ".length);
    text.format(SENTENCE.indexOf("Huổi"), "Huổi Lóng".length, { [DELETION]: null });
    await until(async () => !(await stored(planId)).includes("thêm "));
    content = await stored(planId);
    expect(content).not.toContain(INSERTION);
    expect(content).not.toContain(DELETION);
    expect(reviewer.events.errors).toEqual([]);
  });

  it("takes an insertion as ProseMirror's binding writes it, shifted past a letter that repeats", async () => {
    const planId = await planWithText("submitted");
    const reviewer = await open(planId, leader);
    // " kiên cố" proposed after "bán trú": the binding stores "kiên cố " after the old space and
    // marks the old space and "kiên cố" as proposed, leaving the new space plain.
    const text = reviewer.paragraphText();
    const space = SENTENCE.indexOf(" cho");
    reviewer.doc.transact(() => {
      text.insert(space + 1, "kiên cố ");
      text.format(space, " kiên cố".length, { [INSERTION]: mark(leader, "s3") });
    });
    await until(async () => (await stored(planId)).includes("kiên cố"));
    expect(reviewer.events.errors).toEqual([]);
  });

  const refusals: [string, (text: Y.XmlText, doc: Y.Doc) => void][] = [
    ["a plain insertion", (text) => text.insert(4, "trái phép ")],
    ["a plain deletion", (text) => text.delete(0, 4)],
    [
      "an insertion marked in the planner's name",
      (text) => text.insert(4, "giả mạo ", { [INSERTION]: mark(planner, "x") }),
    ],
    ["a strike in the planner's name", (text) => text.format(0, 3, { [DELETION]: mark(planner, "x") })],
    ["other formatting of existing text", (text) => text.format(0, 3, { bold: {} })],
    [
      "a new paragraph, even of marked text",
      (_, doc) => {
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText()]);
        doc.getXmlFragment(FRAGMENT).push([paragraph]);
        (paragraph.get(0) as Y.XmlText).insert(0, "Đoạn mới", { [INSERTION]: mark(leader, "x") });
      },
    ],
    [
      "a changed heading level",
      (_, doc) => (doc.getXmlFragment(FRAGMENT).get(0) as Y.XmlElement).setAttribute("level", "2"),
    ],
  ];
  for (const [what, edit] of refusals) {
    it(`refuses ${what} from a suggester, storing nothing of it`, async () => {
      const planId = await planWithText("submitted");
      const before = await stored(planId);
      const reviewer = await open(planId, leader);
      edit(reviewer.paragraphText(), reviewer.doc);
      await until(() => reviewer.events.errors.includes("collab.notSuggestion"));
      reviewer.provider.destroy();
      expect(await stored(planId)).toBe(before);
    });
  }

  it("takes a planner's suggestion mark as their own edit: they may change every word", async () => {
    const planId = await planWithText("draft");
    const editor = await open(planId, planner);
    expect(editor.modes).toEqual(["edit"]);
    editor.paragraphText().insert(0, "Đã sửa: ", { [INSERTION]: mark(leader, "undo") });
    await until(async () => (await stored(planId)).includes("Đã sửa: "));
    expect(editor.events.errors).toEqual([]);
  });

  it("stores nothing a reader sends, and does not let an outsider in", async () => {
    const planId = await planWithText("submitted");
    const before = await stored(planId);
    const stakeholder = await buildActor(getDb(), "stakeholder", [tree.district], "Hội Phụ nữ huyện");
    const reader = await open(planId, stakeholder);
    expect(reader.modes).toEqual(["read"]);
    reader.paragraphText().insert(4, "góp ý ", { [INSERTION]: mark(stakeholder, "r") });
    await new Promise((r) => setTimeout(r, 300));
    expect(await stored(planId)).toBe(before);

    const outsider = harness.connect(planId, await buildActor(getDb(), "planner", [tree.neighbour], "Cán bộ xã bên"));
    await until(() => outsider.events.refused);
  });

  it("makes the reviewer a reader once the plan is returned", async () => {
    const planId = await planWithText("submitted");
    const reviewer = await open(planId, leader);
    await transitionPlan(getDb(), leader, planId, "return", "Bổ sung số phòng");
    await until(() => reviewer.modes.at(-1) === "read");
    expect(reviewer.events.scope).toBe("readonly");
  });
});
