import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DELETION, INSERTION } from "@/lib/editor/suggestions";
import { buildActor, buildPlan, buildProgram, buildUnitTree } from "../../tests/factories";
import { createCaller } from "../api/root";
import { getDb } from "../db/client";
import { FRAGMENT } from "../documents/content";
import { appendUpdate } from "../documents/storage";
import type { Actor } from "../policies/actor";

describe("open suggestions and the workflow", () => {
  let leader: Actor;
  let planner: Actor;
  let planId: string;
  const as = (actor: Actor) => createCaller({ db: getDb(), actor });

  beforeAll(async () => {
    const tree = await buildUnitTree(getDb());
    const program = await buildProgram(getDb());
    planner = await buildActor(getDb(), "planner", [tree.commune], "Cán bộ xã");
    leader = await buildActor(getDb(), "leader", [tree.district], "Lãnh đạo huyện");
    planId = (await buildPlan(getDb(), { unit: tree.commune, program, author: planner, status: "submitted" })).id;
  });

  it("lists a reviewer's open suggestions, and refuses approval until none is left", async () => {
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement("paragraph");
    const text = new Y.XmlText("Xây 6 phòng bán trú.");
    paragraph.insert(0, [text]);
    doc.getXmlFragment(FRAGMENT).insert(0, [paragraph]);
    const by = { userId: leader.userId, name: leader.name };
    text.format(4, 1, { [DELETION]: { id: "a", ...by } });
    text.insert(5, "8", { [INSERTION]: { id: "a", ...by } });
    text.insert(text.length - 1, " kiên cố", { [INSERTION]: { id: "b", ...by } });
    await appendUpdate(getDb(), planId, Y.encodeStateAsUpdate(doc), leader.userId);

    expect(await as(planner).documents.suggestions({ planId })).toEqual([
      { id: "a", author: { id: leader.userId, name: "Lãnh đạo huyện" }, inserted: "8", deleted: "6" },
      { id: "b", author: { id: leader.userId, name: "Lãnh đạo huyện" }, inserted: " kiên cố", deleted: "" },
    ]);
    await expect(as(leader).workflow.approve({ id: planId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "errors.openSuggestions",
    });
    expect((await getDb().plan.findUniqueOrThrow({ where: { id: planId } })).status).toBe("submitted");

    // Accepted (marks off, the struck letter gone): nothing is open, the plan is approved.
    const before = Y.encodeStateVector(doc);
    doc.transact(() => {
      text.format(0, text.length, { [INSERTION]: null });
      text.delete(4, 1);
    });
    await appendUpdate(getDb(), planId, Y.encodeStateAsUpdate(doc, before), planner.userId);
    expect(await as(planner).documents.suggestions({ planId })).toEqual([]);
    await as(leader).workflow.approve({ id: planId });
    expect((await getDb().plan.findUniqueOrThrow({ where: { id: planId } })).status).toBe("approved");
  });
});
