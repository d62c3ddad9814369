import { beforeAll, describe, expect, it } from "vitest";
import { buildActor, buildPlan, buildProgram, buildUnitTree, uniqueTag } from "../../tests/factories";
import { createCaller } from "../api/root";
import { getDb } from "../db/client";
import type { Actor } from "../policies/actor";
import { MENTION_CANDIDATES } from "./mention-candidates";

describe("the mention lookup", () => {
  const db = getDb();
  const tag = uniqueTag();
  let planId: string;
  let author: Actor;
  let an: Actor;
  let outsider: Actor;
  let disabled: Actor;
  const as = (actor: Actor) => createCaller({ db, actor });
  const names = async (actor: Actor, query: string) =>
    (await as(actor).comments.mentionCandidates({ planId, query })).map((person) => person.name);

  beforeAll(async () => {
    const tree = await buildUnitTree(db);
    const program = await buildProgram(db);
    author = await buildActor(db, "planner", [tree.commune], `Lò Văn Tác ${tag}`);
    an = await buildActor(db, "leader", [tree.district], `Nguyễn Văn An ${tag}`);
    await buildActor(db, "stakeholder", [tree.district], `Trần Thị Bình ${tag}`);
    // Same name, but at the neighbouring commune: the commune's draft is not theirs to see.
    outsider = await buildActor(db, "planner", [tree.neighbour], `Nguyễn Văn Anh ${tag}`);
    disabled = await buildActor(db, "planner", [tree.commune], `Nguyễn Văn Ân ${tag}`);
    await db.user.update({ where: { id: disabled.userId }, data: { disabledAt: new Date() } });
    planId = (await buildPlan(db, { unit: tree.commune, program, author })).id;
  });

  it("finds people by name without accents, and by handle", async () => {
    expect(await names(author, `nguyen van ${tag}`)).toEqual([`Nguyễn Văn An ${tag}`]);
    expect(await names(author, `NGUYỄN  văn ${tag.toLowerCase()}`)).toEqual([`Nguyễn Văn An ${tag}`]);
    expect(await names(author, `binh ${tag}`)).toEqual([`Trần Thị Bình ${tag}`]);
    const [found] = await as(author).comments.mentionCandidates({ planId, query: an.email.slice(0, 5) });
    expect(found).toMatchObject({ id: an.userId, handle: an.email.split("@")[0], unitName: "Huyện Thử" });
  });

  it("offers only active people who may see the plan, not the one asking", async () => {
    expect(await names(author, tag)).toEqual([`Nguyễn Văn An ${tag}`, `Trần Thị Bình ${tag}`]);
    expect(await names(an, tag)).toEqual([`Lò Văn Tác ${tag}`, `Trần Thị Bình ${tag}`]);
    expect((await names(author, "")).length).toBeLessThanOrEqual(MENTION_CANDIDATES);
    expect(await names(author, outsider.email.split("@")[0]!)).toEqual([]);
    expect(await names(author, disabled.email.split("@")[0]!)).toEqual([]);
  });

  it("reads _ and % as letters", async () => {
    expect(await names(author, "%")).toEqual([]);
    expect(await names(author, "________")).toEqual([]);
  });

  it("is refused to whoever cannot see the plan", async () => {
    await expect(as(outsider).comments.mentionCandidates({ planId, query: "" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("lists at most a handful", async () => {
    const tree = await buildUnitTree(db);
    const program = await buildProgram(db);
    const crowdTag = uniqueTag();
    for (let i = 0; i < MENTION_CANDIDATES + 3; i++)
      await buildActor(db, "planner", [tree.commune], `Đông ${crowdTag} ${i}`);
    const planner = await buildActor(db, "planner", [tree.commune]);
    const plan = await buildPlan(db, { unit: tree.commune, program, author: planner });
    const list = await as(planner).comments.mentionCandidates({ planId: plan.id, query: `dong ${crowdTag}` });
    expect(list).toHaveLength(MENTION_CANDIDATES);
  });
});
