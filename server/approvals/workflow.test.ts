import { beforeAll, describe, expect, it } from "vitest";
import { buildActor, buildPlan, buildPlanningItems, buildProgram, buildUnitTree } from "../../tests/factories";
import { createCaller } from "../api/root";
import { getDb } from "../db/client";
import type { PlanStatus } from "../db/generated/client";
import type { Actor } from "../policies/actor";
import { type WorkflowAction, nextStatus } from "./workflow";

const STATUSES: PlanStatus[] = ["draft", "submitted", "returned", "approved", "superseded"];
const ACTIONS: WorkflowAction[] = ["submit", "return", "approve", "amend"];

describe("workflow transitions", () => {
  it("allows exactly the legal steps", () => {
    const legal = STATUSES.flatMap((status) =>
      ACTIONS.filter((action) => nextStatus(status, action)).map(
        (action) => `${status} -${action}-> ${nextStatus(status, action)}`,
      ),
    );
    expect(legal).toEqual([
      "draft -submit-> submitted",
      "submitted -return-> returned",
      "submitted -approve-> approved",
      "returned -submit-> submitted",
      "approved -amend-> draft",
    ]);
  });
});

describe("approving a plan level by level", () => {
  let tree: Awaited<ReturnType<typeof buildUnitTree>>;
  let planner: Actor;
  let districtLeader: Actor;
  let communeLeader: Actor;
  let program: Awaited<ReturnType<typeof buildProgram>>;
  const as = (actor: Actor) => createCaller({ db: getDb(), actor });

  beforeAll(async () => {
    tree = await buildUnitTree(getDb());
    program = await buildProgram(getDb());
    planner = await buildActor(getDb(), "planner", [tree.commune], "Cán bộ xã");
    districtLeader = await buildActor(getDb(), "leader", [tree.district], "Lãnh đạo huyện");
    communeLeader = await buildActor(getDb(), "leader", [tree.commune], "Lãnh đạo xã");
  });

  it("goes submit → return with a reason → resubmit → approve, keeping who, when and why", async () => {
    const { id } = await buildPlan(getDb(), { unit: tree.commune, program, author: planner });
    await as(planner).workflow.submit({ id });
    expect((await as(planner).plans.get({ id })).canEdit).toBe(false);
    const awaiting = async (actor: Actor) =>
      (await as(actor).plans.list({ awaitingMyReview: true, pageSize: 100 })).items.map((p) => p.id);
    expect(await awaiting(districtLeader)).toContain(id);
    expect(await awaiting(communeLeader)).not.toContain(id);
    await expect(as(districtLeader).workflow.return({ id, reason: "   " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await as(districtLeader).workflow.return({ id, reason: "Bổ sung số phòng học tạm cần xóa" });
    expect((await as(planner).plans.get({ id })).canEdit).toBe(true);
    await as(planner).workflow.submit({ id });
    await as(districtLeader).workflow.approve({ id });

    const plan = await as(planner).plans.get({ id });
    expect(plan).toMatchObject({
      status: "approved",
      canEdit: false,
      can: { submit: false, review: false, amend: true },
    });
    const steps = await as(planner).workflow.timeline({ id });
    expect(steps.map((s) => [s.action, s.actor.name, s.reason])).toEqual([
      ["submit", "Cán bộ xã", null],
      ["return", "Lãnh đạo huyện", "Bổ sung số phòng học tạm cần xóa"],
      ["submit", "Cán bộ xã", null],
      ["approve", "Lãnh đạo huyện", null],
    ]);
    expect(await getDb().auditEvent.count({ where: { entityId: id, action: { startsWith: "plan." } } })).toBe(4);
    const approvedVersion = await getDb().planDocumentVersion.findFirst({ where: { planId: id, kind: "approved" } });
    expect(approvedVersion).toMatchObject({ revision: 1, name: null, createdById: districtLeader.userId });
  });

  it("keeps the approved targets, milestones, budget and shortages while an amendment changes its copy", async () => {
    const plan = await buildPlan(getDb(), { unit: tree.commune, program, author: planner });
    const items = await buildPlanningItems(getDb(), plan, tree.commune);
    await as(planner).workflow.submit({ id: plan.id });
    await as(districtLeader).workflow.approve({ id: plan.id });
    const amendment = await as(planner).workflow.amend({ id: plan.id });
    const copy = (await as(planner).planning.get({ planId: amendment.id })) as {
      targets: { id: string }[];
      budget: { lines: { id: string }[] };
    };
    await as(planner).targets.remove({ id: copy.targets[0]!.id });
    await as(planner).budget.updateLine({
      id: copy.budget.lines[0]!.id,
      source: "local_budget",
      year: 2025,
      amount: "30.000.000.000",
      milestoneId: "",
      description: "",
    });

    const approval = (await as(planner).workflow.timeline({ id: plan.id })).find((s) => s.action === "approve")!;
    expect(approval.approved).toEqual({ targets: 1, milestones: 1, shortages: 1, allocated: 20_586_000_000n });
    const stored = await getDb().planTransition.findUniqueOrThrow({ where: { id: approval.id } });
    expect(stored.snapshot).toMatchObject({
      targets: [{ id: items.target.id, title: items.target.title }],
      budgetLines: [{ amount: "20586000000", source: "central_budget" }],
    });
    // The plan in force itself is untouched.
    expect(await getDb().target.count({ where: { planId: plan.id } })).toBe(1);
    expect(await getDb().budgetLine.findUniqueOrThrow({ where: { id: items.line.id } })).toMatchObject({
      amount: 20_586_000_000n,
      source: "central_budget",
    });
  });

  it("refuses illegal steps and changes nothing", async () => {
    const { id } = await buildPlan(getDb(), { unit: tree.commune, program, author: planner });
    await expect(as(districtLeader).workflow.approve({ id })).rejects.toMatchObject({ code: "CONFLICT" });
    await as(planner).workflow.submit({ id });
    await expect(as(planner).workflow.submit({ id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(as(communeLeader).workflow.approve({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      as(planner).plans.update({
        id,
        details: {
          reference: "9/KH-UBND",
          title: "Sửa khi đang chờ duyệt",
          issuedOn: "",
          issuingUnitId: tree.commune.id,
          programId: program.id,
          year: "",
          parentId: "",
        },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await getDb().plan.findUniqueOrThrow({ where: { id } })).status).toBe("submitted");
    expect(await getDb().planTransition.count({ where: { planId: id } })).toBe(1);
  });

  it("does not let a leader approve a plan they submitted", async () => {
    const both = await buildActor(getDb(), "admin", [tree.province], "Vừa trình vừa duyệt");
    const { id } = await buildPlan(getDb(), { unit: tree.commune, program, author: both });
    await as(both).workflow.submit({ id });
    await expect(as(both).workflow.approve({ id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "errors.reviewOwn",
    });
  });

  it("opens the next revision as a new draft beside the approved plan, which stays as it is", async () => {
    const { id } = await buildPlan(getDb(), { unit: tree.commune, program, author: planner });
    await as(planner).workflow.submit({ id });
    await as(districtLeader).workflow.approve({ id });
    const amendment = await as(planner).workflow.amend({ id });
    expect(amendment.id).not.toBe(id);
    expect(await as(planner).plans.get({ id: amendment.id })).toMatchObject({
      status: "draft",
      revision: 2,
      number: null,
      issuedOn: null,
      canEdit: true,
      amends: { id, status: "approved" },
    });
    expect(await as(planner).plans.get({ id })).toMatchObject({
      status: "approved",
      revision: 1,
      canEdit: false,
      amendment: { id: amendment.id, status: "draft" },
    });
  });

  it("treats a double click as one step", async () => {
    const { id } = await buildPlan(getDb(), { unit: tree.commune, program, author: planner });
    const results = await Promise.allSettled([
      as(planner).workflow.submit({ id }),
      as(planner).workflow.submit({ id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await getDb().planTransition.count({ where: { planId: id } })).toBe(1);
  });
});
