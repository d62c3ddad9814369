import { beforeAll, describe, expect, it } from "vitest";
import { buildActor, buildPlan, buildProgram, buildUnitTree } from "../../tests/factories";
import { createCaller } from "../api/root";
import { getDb } from "../db/client";
import type { Actor } from "../policies/actor";

describe("plan discussion", () => {
  let planId: string;
  let planner: Actor;
  let stakeholder: Actor;
  let outsider: Actor;
  const as = (actor: Actor) => createCaller({ db: getDb(), actor });

  beforeAll(async () => {
    const tree = await buildUnitTree(getDb());
    const program = await buildProgram(getDb());
    planner = await buildActor(getDb(), "planner", [tree.commune], "Cán bộ xã");
    stakeholder = await buildActor(getDb(), "stakeholder", [tree.district], "Hội Phụ nữ huyện");
    outsider = await buildActor(getDb(), "planner", [tree.neighbour], "Cán bộ xã bên");
    planId = (await buildPlan(getDb(), { unit: tree.commune, program, author: planner, status: "approved" })).id;
  });

  it("lets a stakeholder comment on an approved plan, mention people who can see it, and get replies", async () => {
    const plannerHandle = planner.email.split("@")[0];
    const outsiderHandle = outsider.email.split("@")[0];
    const thread = await as(stakeholder).comments.add({
      planId,
      body: `Đề nghị làm rõ số phòng bán trú @${plannerHandle} @${outsiderHandle}`,
    });
    expect(thread.mentions.map((m) => m.user.name)).toEqual(["Cán bộ xã"]);
    await as(planner).comments.add({ planId, body: "Đã bổ sung: thiếu 6 phòng.", parentId: thread.id });
    const threads = await as(planner).comments.list({ planId });
    const mine = threads.find((t) => t.id === thread.id)!;
    expect(mine.replies.map((r) => [r.author.name, r.body])).toEqual([["Cán bộ xã", "Đã bổ sung: thiếu 6 phòng."]]);
    await expect(as(planner).comments.add({ planId, body: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(outsider).comments.add({ planId, body: "Không được phép" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("resolves and reopens whole threads, by their author or the plan's people, not by other stakeholders", async () => {
    const thread = await as(planner).comments.add({ planId, body: "Cần thống nhất tiến độ" });
    const reply = await as(stakeholder).comments.add({ planId, body: "Đồng ý", parentId: thread.id });
    await expect(as(stakeholder).comments.resolve({ id: thread.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(planner).comments.resolve({ id: reply.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      as(planner).comments.add({ planId, body: "Trả lời một trả lời", parentId: reply.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await as(planner).comments.resolve({ id: thread.id })).resolvedBy?.name).toBe("Cán bộ xã");
    expect((await as(planner).comments.reopen({ id: thread.id })).resolvedAt).toBeNull();
    expect(await getDb().auditEvent.count({ where: { entityId: thread.id } })).toBe(3);
  });
});
