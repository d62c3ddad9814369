import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { decodePosition, endAt, type PassageAnchor, startAt } from "@/lib/editor/passage-anchor";
import { buildActor, buildPlan, buildProgram, buildUnitTree } from "../../tests/factories";
import { createCaller } from "../api/root";
import { getDb } from "../db/client";
import { FRAGMENT } from "../documents/content";
import { restoreVersion } from "../documents/restore-version";
import { appendUpdate, loadDocument } from "../documents/storage";
import { saveVersion } from "../documents/versions";
import type { Actor } from "../policies/actor";

const SENTENCE = "Xây 6 phòng bán trú cho điểm trường Huổi Lóng.";
const PASSAGE = "6 phòng bán trú";

const paragraphOf = (doc: Y.Doc, i = 0) => (doc.getXmlFragment(FRAGMENT).get(i) as Y.XmlElement).get(0) as Y.XmlText;

/** A document with one paragraph per sentence. */
function documentOf(...sentences: string[]) {
  const doc = new Y.Doc();
  doc.getXmlFragment(FRAGMENT).insert(
    0,
    sentences.map((sentence) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(sentence)]);
      return paragraph;
    }),
  );
  return doc;
}

function anchorIn(text: Y.XmlText, passage: string): PassageAnchor {
  const from = text.toString().indexOf(passage);
  return {
    start: startAt(text, from),
    end: endAt(text, from + passage.length),
    quote: passage,
    prefix: "",
    suffix: "",
  };
}

/** The text an anchor covers in `doc`, as an editor shows it ("" when its letters are gone). */
function textAt(doc: Y.Doc, anchor: PassageAnchor) {
  const start = Y.createAbsolutePositionFromRelativePosition(decodePosition(anchor.start)!, doc);
  const end = Y.createAbsolutePositionFromRelativePosition(decodePosition(anchor.end)!, doc);
  if (!start || !end || start.type !== end.type || (start.type as Y.XmlText)._item?.deleted) return "";
  return (start.type as Y.XmlText).toString().slice(start.index, end.index);
}

describe("comments on a passage of the document", () => {
  let planner: Actor;
  let stakeholder: Actor;
  let tree: Awaited<ReturnType<typeof buildUnitTree>>;
  let program: Awaited<ReturnType<typeof buildProgram>>;
  const as = (actor: Actor) => createCaller({ db: getDb(), actor });

  beforeAll(async () => {
    tree = await buildUnitTree(getDb());
    program = await buildProgram(getDb());
    planner = await buildActor(getDb(), "planner", [tree.commune], "Cán bộ xã");
    stakeholder = await buildActor(getDb(), "stakeholder", [tree.district], "Hội Phụ nữ huyện");
  });

  it("follows its passage through concurrent edits around and inside it", () => {
    const a = documentOf(SENTENCE);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const anchor = anchorIn(paragraphOf(a), PASSAGE);

    // Two editors at once: one types before the passage and just after it, the other just
    // before it and inside it, and deletes the first word.
    paragraphOf(a).insert(0, "Năm 2025: ");
    paragraphOf(a).insert("Năm 2025: Xây 6 phòng bán trú".length, " kiên cố");
    paragraphOf(b).insert(SENTENCE.indexOf(PASSAGE), "thêm ");
    paragraphOf(b).insert(paragraphOf(b).toString().indexOf("bán"), "nội trú, ");
    paragraphOf(b).delete(0, "Xây ".length);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

    expect(paragraphOf(a).toString()).toBe(paragraphOf(b).toString());
    expect(paragraphOf(a).toString()).toContain("thêm 6 phòng nội trú, bán trú kiên cố");
    expect(textAt(a, anchor)).toBe("6 phòng nội trú, bán trú");
    expect(textAt(b, anchor)).toBe("6 phòng nội trú, bán trú");

    paragraphOf(a).delete(paragraphOf(a).toString().indexOf("6 phòng"), "6 phòng nội trú, bán trú".length);
    expect(textAt(a, anchor)).toBe("");
  });

  it("lets a stakeholder comment on a passage, and keeps its thread through the restore of a version", async () => {
    const plan = await buildPlan(getDb(), { unit: tree.commune, program, author: planner });
    const doc = documentOf("Mục tiêu năm 2025.", SENTENCE);
    await appendUpdate(getDb(), plan.id, Y.encodeStateAsUpdate(doc), planner.userId);
    const version = await saveVersion(getDb(), plan.id, {
      kind: "manual",
      name: "Bản đầu",
      createdById: planner.userId,
    });

    // Later: a paragraph comes first, and a sentence the first version lacks is added.
    const later = Y.encodeStateVector(doc);
    const intro = new Y.XmlElement("paragraph");
    intro.insert(0, [new Y.XmlText("Căn cứ Kế hoạch 2543/KH-SGDĐT.")]);
    doc.getXmlFragment(FRAGMENT).insert(0, [intro]);
    paragraphOf(doc, 2).insert(SENTENCE.length, " Sửa nhà công vụ giáo viên.");
    await appendUpdate(getDb(), plan.id, Y.encodeStateAsUpdate(doc, later), planner.userId);

    const stored = await loadDocument(getDb(), plan.id);
    const onRooms = await as(stakeholder).comments.add({
      planId: plan.id,
      body: "Số phòng này đã khớp với báo cáo của trường chưa?",
      subject: { type: "passage", id: null },
      anchor: anchorIn(paragraphOf(stored, 2), PASSAGE),
    });
    const onHousing = await as(stakeholder).comments.add({
      planId: plan.id,
      body: "Cần bao nhiêu phòng?",
      subject: { type: "passage", id: null },
      anchor: anchorIn(paragraphOf(stored, 2), "nhà công vụ"),
    });
    expect(onRooms.anchor).toMatchObject({ quote: PASSAGE });
    await expect(
      as(stakeholder).comments.add({ planId: plan.id, body: "Không có chỗ", subject: { type: "passage", id: null } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    await restoreVersion(getDb(), planner, version.id);
    const restored = await loadDocument(getDb(), plan.id);
    const threads = await as(planner).comments.list({ planId: plan.id, subject: { type: "passage", id: null } });
    const anchorOf = (id: string) => threads.find((t) => t.id === id)!.anchor as unknown as PassageAnchor;
    expect(textAt(restored, anchorOf(onRooms.id))).toBe(PASSAGE);
    // The restored version never had that sentence: its thread says the passage is gone.
    expect(textAt(restored, anchorOf(onHousing.id))).toBe("");
  });
});
