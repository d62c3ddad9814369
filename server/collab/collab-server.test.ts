import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildActor, buildPlan, buildProgram, buildUnitTree } from "../../tests/factories";
import { startCollabHarness, until } from "../../tests/collab-harness";
import { getDb } from "../db/client";
import { FRAGMENT } from "../documents/content";
import { loadDocument } from "../documents/storage";
import { publishLiveEvent } from "../live/live-events";
import type { Actor } from "../policies/actor";
import type { CollabServer } from "./server";

/** The collaboration server on a real socket, in this process, with real tokens and policies. */
describe("collaboration server", () => {
  let harness: Awaited<ReturnType<typeof startCollabHarness>>;
  let collab: CollabServer;
  let url: string;
  let planId: string;
  let planner: Actor;
  let leader: Actor;
  let neighbour: Actor;

  beforeAll(async () => {
    const db = getDb();
    const tree = await buildUnitTree(db);
    const program = await buildProgram(db);
    planner = await buildActor(db, "planner", [tree.commune], "Lò Văn Soạn");
    leader = await buildActor(db, "leader", [tree.commune], "Quàng Văn Duyệt");
    neighbour = await buildActor(db, "planner", [tree.neighbour], "Cà Thị Bên");
    planId = (await buildPlan(db, { unit: tree.commune, program, author: planner })).id;
    harness = await startCollabHarness({ maxDocumentBytes: 64 * 1024 });
    collab = harness.collab;
    url = harness.url;
  });

  afterAll(() => harness.stop());

  const connect = (actor: Actor | null, token?: string) => harness.connect(planId, actor, token);

  it("lets two editors converge and stores what they wrote", async () => {
    const a = connect(planner);
    const b = connect(planner);
    await until(() => a.events.scope === "read-write" && b.events.scope === "read-write");
    a.write("Từ máy A");
    b.write("Từ máy B");
    await until(() => a.text() === b.text() && a.text().includes("Từ máy A") && a.text().includes("Từ máy B"));
    await collab.flushAll();
    const stored = (await loadDocument(getDb(), planId)).getXmlFragment(FRAGMENT).toString();
    expect(stored).toContain("Từ máy A");
    expect(stored).toContain("Từ máy B");
  });

  it("gives a viewer a read-only connection and refuses its updates", async () => {
    const editor = connect(planner);
    const viewer = connect(leader);
    await until(() => editor.events.scope === "read-write" && viewer.events.scope === "readonly");
    viewer.write("Sửa trái phép");
    editor.write("Sửa hợp lệ");
    await until(() => viewer.text().includes("Sửa hợp lệ"));
    await new Promise((r) => setTimeout(r, 300));
    await collab.flushAll();
    expect(editor.text()).not.toContain("Sửa trái phép");
    expect((await loadDocument(getDb(), planId)).getXmlFragment(FRAGMENT).toString()).not.toContain("Sửa trái phép");
  });

  it("refuses outsiders and forged tokens", async () => {
    const outsider = connect(neighbour);
    const forged = connect(null, "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad");
    await until(() => outsider.events.refused && forged.events.refused);
    expect(outsider.text()).toBe("");
  });

  it("closes a connection that sends garbage, and only that one", async () => {
    const editor = connect(planner);
    await until(() => editor.events.scope === "read-write");
    const garbage = new WebSocket(url);
    await new Promise((resolve) => garbage.addEventListener("open", resolve));
    const closed = new Promise((resolve) => garbage.addEventListener("close", resolve));
    garbage.send(new Uint8Array([255, 255, 255, 255, 255, 1, 2, 3]));
    garbage.send("text is not a protocol message");
    await closed;
    editor.write("Vẫn hoạt động");
    await until(async () =>
      (await loadDocument(getDb(), planId)).getXmlFragment(FRAGMENT).toString().includes("Vẫn hoạt động"),
    );
  });

  it("re-checks rights on open connections when the plan changes", async () => {
    const editor = connect(planner);
    await until(() => editor.events.scope === "read-write");
    await getDb().plan.update({ where: { id: planId }, data: { status: "submitted" } });
    editor.events.scope = null;
    await publishLiveEvent(getDb(), { topic: "access", planId });
    await until(() => editor.events.scope === "readonly");
    await getDb().plan.update({ where: { id: planId }, data: { status: "draft" } });
  });

  it("closes a connection whose message is too large, and only that one", async () => {
    const editor = connect(planner);
    await until(() => editor.events.scope === "read-write");
    const big = new WebSocket(url);
    await new Promise((resolve) => big.addEventListener("open", resolve));
    const closed = new Promise<number>((resolve) => big.addEventListener("close", (event) => resolve(event.code)));
    big.send(new Uint8Array(3 * 1024 * 1024));
    expect(await closed).toBe(1009);
    editor.write("Sau thông điệp quá lớn");
    await until(async () =>
      (await loadDocument(getDb(), planId)).getXmlFragment(FRAGMENT).toString().includes("Sau thông điệp quá lớn"),
    );
  });

  it("refuses growth past the document size limit with a clear error", async () => {
    const editor = connect(planner);
    await until(() => editor.events.scope === "read-write");
    for (let i = 0; i < 40 && editor.events.errors.length === 0; i++) {
      editor.write(`Phụ lục ${i}: ${"dữ liệu ".repeat(400)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    await until(() => editor.events.errors.includes("collab.tooLarge"));
  });
});
