import { beforeAll, describe, expect, it } from "vitest";
import { buildActor, buildPlan, buildProgram, buildUnit, buildUnitTree } from "../../tests/factories";
import { createCaller } from "../api/root";
import { getDb } from "../db/client";
import type { Actor } from "../policies/actor";

/**
 * A submitted plan waits for the nearest level above its issuing unit that has a reviewer:
 * the district for a commune before the 2025 reform, the province after it (no districts), the
 * province for its department; higher levels see it but are neither told nor able to decide it.
 */
describe("the level a plan is submitted to", () => {
  let program: Awaited<ReturnType<typeof buildProgram>>;
  const as = (actor: Actor) => createCaller({ db: getDb(), actor });
  const awaiting = async (actor: Actor) =>
    (await as(actor).plans.list({ awaitingMyReview: true, pageSize: 100 })).items.map((p) => p.id);
  const told = async (actor: Actor, planId: string) =>
    (await as(actor).notifications.list()).filter((n) => n.plan.id === planId && n.kind === "submitted");

  beforeAll(async () => {
    program = await buildProgram(getDb());
  });

  it("before the reform: a commune's plan goes to its district, not to the province", async () => {
    const tree = await buildUnitTree(getDb());
    const planner = await buildActor(getDb(), "planner", [tree.commune]);
    const district = await buildActor(getDb(), "leader", [tree.district]);
    const province = await buildActor(getDb(), "leader", [tree.province]);
    const { id } = await buildPlan(getDb(), { unit: tree.commune, program, author: planner });
    await as(planner).workflow.submit({ id });

    expect(await awaiting(district)).toContain(id);
    expect(await awaiting(province)).not.toContain(id);
    expect(await told(district, id)).toHaveLength(1);
    expect(await told(province, id)).toHaveLength(0);
    expect((await as(province).plans.get({ id })).can.review).toBe(false);
    await expect(as(province).workflow.approve({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await as(district).plans.get({ id })).reviewUnit?.id).toBe(tree.district.id);
    await as(district).workflow.approve({ id });
  });

  it("before the reform, a district without a reviewer: the province decides", async () => {
    const tree = await buildUnitTree(getDb());
    const planner = await buildActor(getDb(), "planner", [tree.commune]);
    const province = await buildActor(getDb(), "leader", [tree.province]);
    const { id } = await buildPlan(getDb(), { unit: tree.commune, program, author: planner });
    await as(planner).workflow.submit({ id });
    expect(await awaiting(province)).toContain(id);
    await as(province).workflow.return({ id, reason: "Bổ sung kinh phí" });
  });

  it("after the reform: a commune's plan goes to the province; a department's too", async () => {
    const province = await buildUnit(getDb(), { level: "province", name: "Tỉnh sau sắp xếp" });
    const commune = await buildUnit(getDb(), { level: "commune", parent: province, name: "Xã mới" });
    const department = await buildUnit(getDb(), { level: "agency", parent: province, name: "Sở Giáo dục" });
    const communeLeader = await buildActor(getDb(), "leader", [commune]);
    const leader = await buildActor(getDb(), "leader", [province]);
    const planner = await buildActor(getDb(), "planner", [commune, department]);
    const ofCommune = await buildPlan(getDb(), { unit: commune, program, author: planner });
    const ofDepartment = await buildPlan(getDb(), { unit: department, program, author: planner });
    await as(planner).workflow.submit({ id: ofCommune.id });
    await as(planner).workflow.submit({ id: ofDepartment.id });
    expect(await awaiting(leader)).toEqual(expect.arrayContaining([ofCommune.id, ofDepartment.id]));
    expect(await awaiting(communeLeader)).not.toContain(ofCommune.id);
    await as(leader).workflow.approve({ id: ofCommune.id });
    await as(leader).workflow.approve({ id: ofDepartment.id });
  });

  it("refuses a submission that nobody above could review, changing nothing", async () => {
    const province = await buildUnit(getDb(), { level: "province" });
    const commune = await buildUnit(getDb(), { level: "commune", parent: province });
    const planner = await buildActor(getDb(), "planner", [commune]);
    const { id } = await buildPlan(getDb(), { unit: commune, program, author: planner });
    await expect(as(planner).workflow.submit({ id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "errors.noReviewer",
    });
    expect((await getDb().plan.findUniqueOrThrow({ where: { id } })).status).toBe("draft");
  });

  it("closes every reviewer's request when one decides, and a resubmission asks them once more, not twice", async () => {
    const tree = await buildUnitTree(getDb());
    const planner = await buildActor(getDb(), "planner", [tree.commune]);
    const first = await buildActor(getDb(), "leader", [tree.district]);
    const second = await buildActor(getDb(), "leader", [tree.district]);
    const { id } = await buildPlan(getDb(), { unit: tree.commune, program, author: planner });
    await as(planner).workflow.submit({ id });
    await as(first).workflow.return({ id, reason: "Thiếu số liệu phòng học" });
    const [request] = await told(second, id);
    expect(request).toMatchObject({ doneAt: expect.any(Date), readAt: expect.any(Date) });
    expect(await as(second).notifications.unreadCount()).toBe(0);

    await as(planner).workflow.submit({ id });
    expect(await told(second, id)).toEqual([expect.objectContaining({ id: request!.id, doneAt: null, readAt: null })]);
    await as(second).workflow.approve({ id });
    expect((await told(first, id))[0]).toMatchObject({ doneAt: expect.any(Date) });
  });
});
