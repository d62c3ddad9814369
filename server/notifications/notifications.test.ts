import { beforeAll, describe, expect, it } from "vitest";
import { buildActor, buildPlan, buildProgram, buildUnitTree } from "../../tests/factories";
import { createCaller } from "../api/root";
import { getDb } from "../db/client";
import type { Actor } from "../policies/actor";

describe("notifications", () => {
  let planner: Actor;
  let districtLeader: Actor;
  let provinceLeader: Actor;
  let communeLeader: Actor;
  let plan: { id: string };
  const as = (actor: Actor) => createCaller({ db: getDb(), actor });
  const kinds = async (actor: Actor) =>
    (await as(actor).notifications.list()).filter((n) => n.plan.id === plan.id).map((n) => n.kind);

  beforeAll(async () => {
    const tree = await buildUnitTree(getDb());
    const program = await buildProgram(getDb());
    planner = await buildActor(getDb(), "planner", [tree.commune], "Cán bộ xã");
    districtLeader = await buildActor(getDb(), "leader", [tree.district], "Lãnh đạo huyện");
    provinceLeader = await buildActor(getDb(), "leader", [tree.province], "Lãnh đạo tỉnh");
    communeLeader = await buildActor(getDb(), "leader", [tree.commune], "Lãnh đạo xã");
    plan = await buildPlan(getDb(), { unit: tree.commune, program, author: planner });
  });

  it("tells the reviewers of the level above of a submission, the submitter of the answer, and people of their mentions", async () => {
    await as(planner).workflow.submit({ id: plan.id });
    expect(await kinds(districtLeader)).toEqual(["submitted"]);
    expect(await kinds(provinceLeader)).toEqual([]);
    expect(await kinds(communeLeader)).toEqual([]);
    expect(await kinds(planner)).toEqual([]);

    await as(districtLeader).workflow.return({ id: plan.id, reason: "Thiếu số liệu" });
    expect(await kinds(planner)).toEqual(["returned"]);

    await as(districtLeader).comments.add({ planId: plan.id, body: `Xem lại mục II @${planner.email.split("@")[0]}` });
    expect(await kinds(planner)).toEqual(["mentioned", "returned"]);
  });

  it("counts unread and marks only the reader's own notifications read", async () => {
    const unread = await as(planner).notifications.unreadCount();
    expect(unread).toBeGreaterThanOrEqual(2);
    await as(planner).comments.add({ planId: plan.id, body: `Đã bổ sung @${districtLeader.email.split("@")[0]}` });
    const othersIds = (await as(districtLeader).notifications.list()).map((n) => n.id);
    expect((await as(planner).notifications.markRead({ ids: othersIds })).count).toBe(0);
    expect(await as(districtLeader).notifications.unreadCount()).toBeGreaterThan(0);
    await as(planner).notifications.markRead({});
    expect(await as(planner).notifications.unreadCount()).toBe(0);
  });
});
