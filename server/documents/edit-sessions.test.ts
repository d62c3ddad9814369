import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildActor, buildPlan, buildProgram, buildUnitTree } from "../../tests/factories";
import { getDb } from "../db/client";
import type { Actor } from "../policies/actor";
import { FRAGMENT } from "./content";
import { SESSION_GAP_MS } from "./edit-sessions";
import { appendUpdates, compactDocument } from "./storage";
import { saveAutomaticVersion } from "./versions";

/**
 * Who wrote a plan's text outlives the update log: compaction empties the log, and keeps one
 * audit event per user and editing session; an automatic version names who edited since the
 * previous one.
 */
describe("authorship of document edits", () => {
  let lan: Actor;
  let minh: Actor;
  let newPlan: () => Promise<{ id: string }>;

  beforeAll(async () => {
    const tree = await buildUnitTree(getDb());
    const program = await buildProgram(getDb());
    lan = await buildActor(getDb(), "planner", [tree.commune], "Lò Thị Lan");
    minh = await buildActor(getDb(), "planner", [tree.commune], "Cầm Văn Minh");
    newPlan = () => buildPlan(getDb(), { unit: tree.commune, program, author: lan });
  });

  /** A paragraph written by `author` at `at`, appended to the log as the collaboration server does. */
  async function edit(planId: string, doc: Y.Doc, author: Actor, text: string, at: Date) {
    const before = Y.encodeStateVector(doc);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(text)]);
    doc.getXmlFragment(FRAGMENT).push([paragraph]);
    await appendUpdates(getDb(), [{ planId, update: Y.encodeStateAsUpdate(doc, before), userId: author.userId }]);
    await getDb()
      .$executeRaw`UPDATE "PlanDocumentUpdate" SET "createdAt" = ${at} WHERE id = (SELECT max(id) FROM "PlanDocumentUpdate" WHERE "planId" = ${planId})`;
  }
  const sessions = (planId: string) =>
    getDb().auditEvent.findMany({
      where: { entityType: "Plan", entityId: planId, action: "document.edit" },
      orderBy: [{ actorId: "asc" }, { at: "asc" }],
      select: { actorId: true, after: true },
    });

  it("keeps who edited which span of time after compaction empties the log", async () => {
    const plan = await newPlan();
    const doc = new Y.Doc();
    const t0 = new Date("2026-11-02T01:00:00Z");
    const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
    await edit(plan.id, doc, lan, "Mục tiêu năm 2026", minutes(0));
    await edit(plan.id, doc, lan, "Xây 6 phòng bán trú", minutes(5));
    await edit(plan.id, doc, minh, "Kinh phí 2,5 tỷ đồng", minutes(6));
    await compactDocument(getDb(), plan.id);
    // Lan goes on within the gap (one session, extended), then comes back much later (a new one).
    await edit(plan.id, doc, lan, "Điểm trường Huổi Lóng", minutes(12));
    await edit(plan.id, doc, lan, "Bổ sung sau buổi chiều", minutes(12 + SESSION_GAP_MS / 60_000 + 60));
    await compactDocument(getDb(), plan.id);

    expect(await getDb().planDocumentUpdate.count({ where: { planId: plan.id } })).toBe(0);
    const found = await sessions(plan.id);
    const of = (actor: Actor) => found.filter((s) => s.actorId === actor.userId).map((s) => s.after);
    expect(of(lan)).toEqual([
      expect.objectContaining({ from: minutes(0).toISOString(), to: minutes(12).toISOString(), updates: 3 }),
      expect.objectContaining({ updates: 1 }),
    ]);
    expect(of(minh)).toEqual([expect.objectContaining({ from: minutes(6).toISOString(), updates: 1 })]);
    expect((of(minh)[0] as { bytes: number }).bytes).toBeGreaterThan(0);
  });

  it("credits an automatic version to everyone who edited since the previous one", async () => {
    const plan = await newPlan();
    const doc = new Y.Doc();
    await edit(plan.id, doc, lan, "Phần I. Mục đích", new Date());
    await compactDocument(getDb(), plan.id);
    const first = await saveAutomaticVersion(getDb(), plan.id, "lastEditorLeft");
    expect(first?.editors.map((e) => e.name)).toEqual(["Lò Thị Lan"]);

    await new Promise((r) => setTimeout(r, 20));
    await edit(plan.id, doc, minh, "Phần II. Chỉ tiêu", new Date());
    await compactDocument(getDb(), plan.id);
    const second = await saveAutomaticVersion(getDb(), plan.id, "lastEditorLeft");
    expect(second?.editors.map((e) => e.name)).toEqual(["Cầm Văn Minh"]);
  });
});
