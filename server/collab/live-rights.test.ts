import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { startCollabHarness, until } from "../../tests/collab-harness";
import { buildActor, buildPlan, buildProgram, buildUnitTree } from "../../tests/factories";
import { getDb } from "../db/client";
import { FRAGMENT } from "../documents/content";
import { loadDocument } from "../documents/storage";
import type { Actor } from "../policies/actor";
import { disableUser } from "../users/disable-user";
import { revokeRole } from "../users/memberships";
import { resetPassword } from "../users/reset-password";
import { endSessions } from "../auth/session-version";
import { RIGHTS_CHANGED } from "./extensions/authentication";

/**
 * Rights hold while a document stays open: disabling a user, removing their role or resetting
 * their password (from any process: the change travels as an event) closes their sockets and
 * refuses what they still send. Presence is what the server vouches for, and a document's
 * memory is bounded by its items, not only its bytes.
 */
describe("live rights on the collaboration socket", () => {
  let harness: Awaited<ReturnType<typeof startCollabHarness>>;
  let tree: Awaited<ReturnType<typeof buildUnitTree>>;
  let program: Awaited<ReturnType<typeof buildProgram>>;
  let admin: Actor;
  const stored = async (planId: string) => (await loadDocument(getDb(), planId)).getXmlFragment(FRAGMENT).toString();

  beforeAll(async () => {
    tree = await buildUnitTree(getDb());
    program = await buildProgram(getDb());
    admin = await buildActor(getDb(), "admin", [tree.province], "Quản trị tỉnh");
    harness = await startCollabHarness({ maxDocumentStructs: 5000 });
  });

  afterAll(() => harness.stop());

  async function editing(name: string) {
    const planner = await buildActor(getDb(), "planner", [tree.commune], name);
    const { id } = await buildPlan(getDb(), { unit: tree.commune, program, author: planner });
    const editor = harness.connect(id, planner);
    await until(() => editor.events.scope === "read-write");
    editor.write("Trước khi đổi quyền");
    await until(async () => (await stored(id)).includes("Trước khi đổi quyền"));
    return { planner, planId: id, editor };
  }

  for (const [change, act] of [
    ["disabling the account", (planner: Actor) => disableUser(getDb(), admin, { email: planner.email })],
    [
      "removing the role",
      (planner: Actor) =>
        revokeRole(getDb(), admin, { email: planner.email, role: "planner", unit: tree.commune.code }),
    ],
  ] as const) {
    it(`closes an open document at once on ${change}, and stores nothing sent after it`, async () => {
      const { planner, planId, editor } = await editing(`Người sửa ${change}`);
      await act(planner);
      await until(() => editor.events.closed.includes(RIGHTS_CHANGED));
      editor.write("Sau khi đổi quyền");
      await until(() => editor.events.refused);
      await harness.collab.flushAll();
      await new Promise((r) => setTimeout(r, 300));
      expect(await stored(planId)).not.toContain("Sau khi đổi quyền");
    });
  }

  it("closes open documents on a password reset, and the old session's token opens nothing", async () => {
    const { planner, editor } = await editing("Người đổi mật khẩu");
    await resetPassword(getDb(), admin, { email: planner.email });
    await until(() => editor.events.closed.includes(RIGHTS_CHANGED));
    await until(() => editor.events.refused);
  });

  it("closes open documents when the user signs out (on any device)", async () => {
    const { planner, editor } = await editing("Người đăng xuất");
    await endSessions(getDb(), planner.userId, 0);
    await until(() => editor.events.closed.includes(RIGHTS_CHANGED));
    await until(() => editor.events.refused);
  });

  it("shows editors as the server knows them, whatever name a browser claims", async () => {
    const { planId, editor } = await editing("Lò Văn Thật");
    const other = await buildActor(getDb(), "leader", [tree.commune], "Người xem");
    const viewer = harness.connect(planId, other);
    await until(() => viewer.events.scope === "readonly");
    editor.provider.setAwarenessField("user", { name: "Chủ tịch tỉnh", color: "#000000" });
    editor.provider.setAwarenessField("role", "admin");
    const seen = () => viewer.provider.awareness!.getStates().get(editor.doc.clientID);
    await until(() => seen()?.user?.name === "Lò Văn Thật");
    expect(seen()).toEqual({ user: { name: "Lò Văn Thật", color: expect.stringMatching(/^#[0-9a-f]{6}$/) } });
  });

  it("refuses an update that would take a document past its items, changing nothing", async () => {
    const { planId, editor } = await editing("Người dán");
    // Letters inserted one before another cannot merge: each is an item of its own.
    const heavy = new Y.Doc();
    Y.applyUpdate(heavy, Y.encodeStateAsUpdate(editor.doc));
    const paragraph = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    heavy.getXmlFragment(FRAGMENT).push([paragraph]);
    heavy.transact(() => {
      for (let i = 0; i < 6000; i++) text.insert(0, "x");
    });
    Y.applyUpdate(editor.doc, Y.encodeStateAsUpdate(heavy, Y.encodeStateVector(editor.doc)));
    await until(() => editor.events.errors.includes("collab.tooLarge"));
    await harness.collab.flushAll();
    expect(await stored(planId)).not.toContain("xxxx");
  });
});
