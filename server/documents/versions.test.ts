import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildActor, buildPlan, buildProgram, buildUnitTree } from "../../tests/factories";
import { getDb } from "../db/client";
import type { Actor } from "../policies/actor";
import { FRAGMENT } from "./content";
import { appendUpdate, compactDocument } from "./storage";
import { AUTO_VERSION_INTERVAL_MS, saveAutomaticVersion } from "./versions";

describe("automatic versions", () => {
  let author: Actor;
  let newPlan: () => Promise<{ id: string }>;

  beforeAll(async () => {
    const tree = await buildUnitTree(getDb());
    const program = await buildProgram(getDb());
    author = await buildActor(getDb(), "planner", [tree.commune]);
    newPlan = () => buildPlan(getDb(), { unit: tree.commune, program, author });
  });

  /** Appends a paragraph to the plan's log and compacts it, as the collaboration server does before asking for a version. */
  async function write(planId: string, doc: Y.Doc, text: string) {
    const before = Y.encodeStateVector(doc);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(text)]);
    doc.getXmlFragment(FRAGMENT).push([paragraph]);
    await appendUpdate(getDb(), planId, Y.encodeStateAsUpdate(doc, before), author.userId);
    await compactDocument(getDb(), planId);
  }
  const versions = (planId: string) => getDb().planDocumentVersion.count({ where: { planId, kind: "auto" } });

  it("keeps one when the last editor leaves a changed text, and none when nothing changed", async () => {
    const plan = await newPlan();
    const doc = new Y.Doc();
    await write(plan.id, doc, "Xây 12 phòng học kiên cố");
    expect(await saveAutomaticVersion(getDb(), plan.id, "lastEditorLeft")).not.toBeNull();
    expect(await saveAutomaticVersion(getDb(), plan.id, "lastEditorLeft")).toBeNull();
    await write(plan.id, doc, "và 4 phòng ở bán trú");
    expect(await saveAutomaticVersion(getDb(), plan.id, "lastEditorLeft")).not.toBeNull();
    expect(await versions(plan.id)).toBe(2);
  });

  it("while editing goes on, keeps one at most once per interval", async () => {
    const plan = await newPlan();
    const doc = new Y.Doc();
    const start = Date.now();
    await write(plan.id, doc, "Bản nháp đầu tiên");
    expect(await saveAutomaticVersion(getDb(), plan.id, "activity", new Date(start))).not.toBeNull();
    await write(plan.id, doc, "Thêm một đoạn");
    expect(await saveAutomaticVersion(getDb(), plan.id, "activity", new Date(start + 60_000))).toBeNull();
    expect(
      await saveAutomaticVersion(getDb(), plan.id, "activity", new Date(start + AUTO_VERSION_INTERVAL_MS + 60_000)),
    ).not.toBeNull();
    expect(await versions(plan.id)).toBe(2);
  });
});
