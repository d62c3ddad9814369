import { beforeAll, describe, expect, it } from "vitest";
import { buildActor, buildPlan, buildProgram, buildUnitTree, uniqueTag } from "../../tests/factories";
import { createCaller } from "../api/root";
import { getDb } from "../db/client";
import { loadActor, type Actor } from "../policies/actor";
import { MAX_MENTIONS_PER_COMMENT } from "./mentions";

describe("mentions", () => {
  let planId: string;
  let author: Actor;
  let colleague: Actor;
  let underscored: Actor;
  const as = (actor: Actor) => createCaller({ db: getDb(), actor });

  beforeAll(async () => {
    const db = getDb();
    const tree = await buildUnitTree(db);
    const program = await buildProgram(db);
    author = await buildActor(db, "planner", [tree.commune]);
    // Eight letters before the @, like every account the factories make.
    colleague = await buildActor(db, "planner", [tree.commune], "Cán bộ tám chữ");
    expect(colleague.email).toMatch(/^[0-9a-f]{8}@/);
    const user = await db.user.create({
      data: {
        email: `nguyen_van.${uniqueTag().toLowerCase()}@test.chungtay.vn`,
        name: "Nguyễn Văn Gạch Dưới",
        passwordHash: "unused",
        memberships: { create: { role: "planner", unitId: tree.commune.id } },
      },
    });
    underscored = (await loadActor(db, user.id))!;
    planId = (await buildPlan(db, { unit: tree.commune, program, author })).id;
  });

  it("reads _ in a handle as a letter, not as SQL's any-character wildcard", async () => {
    const probe = await as(author).comments.add({ planId, body: "Ai đây? @________ @____%" });
    expect(probe.mentions).toEqual([]);
    expect(await getDb().notification.count({ where: { commentId: probe.id } })).toBe(0);

    const real = await as(author).comments.add({
      planId,
      body: `Nhờ @${underscored.email.split("@")[0]} và @${colleague.email.split("@")[0]} xem giúp`,
    });
    expect(real.mentions.map((m) => m.user.name).sort()).toEqual(["Cán bộ tám chữ", "Nguyễn Văn Gạch Dưới"]);
  });

  it(`refuses a comment naming more than ${MAX_MENTIONS_PER_COMMENT} people, on its body field`, async () => {
    const crowd = Array.from({ length: MAX_MENTIONS_PER_COMMENT + 1 }, (_, i) => `@nguoi${i}`).join(" ");
    await expect(as(author).comments.add({ planId, body: `Mọi người ơi ${crowd}` })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { body: ["validation.tooManyMentions"] } },
    });
    const names = Array.from({ length: MAX_MENTIONS_PER_COMMENT }, (_, i) => `@nguoi${i}`).join(" ");
    await expect(as(author).comments.add({ planId, body: names })).resolves.toMatchObject({ mentions: [] });
  });

  it("tells the author which names notify nobody, and why, and still posts the comment", async () => {
    const db = getDb();
    const tree = await buildUnitTree(db);
    const program = await buildProgram(db);
    const planner = await buildActor(db, "planner", [tree.commune]);
    const viewer = await buildActor(db, "leader", [tree.district], "Lãnh đạo huyện");
    const outsider = await buildActor(db, "planner", [tree.neighbour]);
    const gone = await buildActor(db, "planner", [tree.commune]);
    await db.user.update({ where: { id: gone.userId }, data: { disabledAt: new Date() } });
    const plan = await buildPlan(db, { unit: tree.commune, program, author: planner });
    const handle = (actor: Actor) => actor.email.split("@")[0]!;

    const comment = await as(planner).comments.add({
      planId: plan.id,
      body: `Nhờ @${handle(viewer)}, @${handle(outsider)} và @${handle(gone)} xem; cả @khongcoai.${uniqueTag()}`,
    });
    expect(comment.mentions).toEqual([{ user: { id: viewer.userId, name: "Lãnh đạo huyện", handle: handle(viewer) } }]);
    expect(comment.unnotified).toEqual([
      { handle: handle(outsider), reason: "cannotView" },
      { handle: handle(gone), reason: "disabled" },
      { handle: expect.stringMatching(/^khongcoai\./), reason: "unknown" },
    ]);
    const notified = await db.notification.findMany({ where: { commentId: comment.id }, select: { userId: true } });
    expect(notified).toEqual([{ userId: viewer.userId }]);
    expect((await as(planner).comments.list({ planId: plan.id })).map((t) => t.id)).toEqual([comment.id]);
  });
});
