import * as Y from "yjs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildActor, buildPlan, buildPlanningItems, buildProgram, buildUnitTree } from "../../tests/factories";
import { createCaller } from "../api/root";
import { getDb } from "../db/client";
import { toYdoc } from "../documents/content";
import { appendUpdate, readStoredDocument } from "../documents/storage";
import { can } from "../policies";
import type { Actor } from "../policies/actor";
import { planningRollup } from "../rollups/planning-rollup";

const paragraph = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});
const TEXT = "Xây 12 phòng bán trú cho Trường THCS xã";

/**
 * Amending an approved plan: the approved plan stays in force (roll-ups, lists, the units
 * beneath) while its amendment is drafted beside it; approving the amendment swaps them in one
 * transaction; a plan has one open amendment; abandoning one leaves the plan in force as it was.
 */
describe("amendments", () => {
  let tree: Awaited<ReturnType<typeof buildUnitTree>>;
  let program: Awaited<ReturnType<typeof buildProgram>>;
  let planner: Actor;
  let districtLeader: Actor;
  let schoolPlanner: Actor;
  const as = (actor: Actor) => createCaller({ db: getDb(), actor });
  const allocated = async (includeUnapproved = false) =>
    (await planningRollup(getDb(), districtLeader, { unitId: tree.district.id, year: 2025, includeUnapproved })).budget
      .total.allocated;

  /** An approved commune plan with one of each record and a text, as the district approved it. */
  async function approvedPlan() {
    const plan = await buildPlan(getDb(), { unit: tree.commune, program, author: planner, year: 2025 });
    const items = await buildPlanningItems(getDb(), plan, tree.commune);
    await getDb().target.update({
      where: { id: items.target.id },
      data: { milestones: { connect: { id: items.milestone.id } } },
    });
    await appendUpdate(getDb(), plan.id, Y.encodeStateAsUpdate(toYdoc(paragraph(TEXT))), planner.userId);
    await as(planner).workflow.submit({ id: plan.id });
    await as(districtLeader).workflow.approve({ id: plan.id });
    return { plan, items };
  }
  const lineOf = (planId: string) => getDb().budgetLine.findFirstOrThrow({ where: { planId } });
  const details = (reference: string) => ({
    reference,
    title: "Kế hoạch sửa đổi, bổ sung kế hoạch xây dựng trường học",
    issuedOn: "2025-06-10",
    issuingUnitId: tree.commune.id,
    programId: program.id,
    year: 2025,
    parentId: "",
  });

  beforeAll(async () => {
    tree = await buildUnitTree(getDb());
    program = await buildProgram(getDb());
    planner = await buildActor(getDb(), "planner", [tree.commune], "Cán bộ xã");
    districtLeader = await buildActor(getDb(), "leader", [tree.district], "Lãnh đạo huyện");
    schoolPlanner = await buildActor(getDb(), "planner", [tree.school], "Cán bộ trường");
  });

  it("keeps the approved plan in force while the amendment is drafted, for roll-ups, lists and the units beneath", async () => {
    const before = await allocated();
    const { plan, items } = await approvedPlan();
    expect(await allocated()).toBe(before + 20_586_000_000n);

    const { id, opened } = await as(planner).workflow.amend({ id: plan.id });
    expect(opened).toBe(true);
    // The copy: same details without a number or date, the same records and links, the same text.
    const amendment = await getDb().plan.findUniqueOrThrow({
      where: { id },
      include: {
        targets: { include: { measurements: true, milestones: true } },
        budgetLines: { include: { disbursements: true } },
        shortages: { include: { milestones: true } },
        inKindContributions: true,
      },
    });
    expect(amendment).toMatchObject({
      status: "draft",
      revision: 2,
      number: null,
      issuedOn: null,
      symbol: plan.symbol,
      title: plan.title,
      amendsId: plan.id,
    });
    expect(amendment.targets).toMatchObject([{ title: items.target.title, measurements: [{ period: "2023" }] }]);
    expect(amendment.targets[0]!.id).not.toBe(items.target.id);
    const copiedMilestone = await getDb().milestone.findFirstOrThrow({ where: { planId: id } });
    expect(amendment.targets[0]!.milestones.map((m) => m.id)).toEqual([copiedMilestone.id]);
    expect(amendment.shortages[0]!.milestones.map((m) => m.id)).toEqual([copiedMilestone.id]);
    expect(amendment.budgetLines).toMatchObject([
      { amount: 20_586_000_000n, milestoneId: copiedMilestone.id, disbursements: [{ amount: 17_082_000_000n }] },
    ]);
    expect(amendment.inKindContributions).toHaveLength(1);
    expect((await readStoredDocument(getDb(), id)).text).toContain(TEXT);

    // The plan in force is untouched and still the one counted; the draft's figures are a proposal.
    expect(await getDb().plan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({
      status: "approved",
      revision: 1,
    });
    await as(planner).budget.updateLine({
      id: amendment.budgetLines[0]!.id,
      source: "central_budget",
      year: 2025,
      amount: "30.000.000.000",
      milestoneId: "",
      description: "",
    });
    expect(await allocated()).toBe(before + 20_586_000_000n);
    expect(await allocated(true)).toBe(before + 30_000_000_000n);

    // The units beneath see the plan in force, not the draft beside it.
    const school = as(schoolPlanner);
    expect((await school.plans.get({ id: plan.id })).amendment).toBeNull();
    await expect(school.plans.get({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const listed = (await school.plans.list({ unitId: tree.commune.id, pageSize: 100 })).items.map((p) => p.id);
    expect(listed).toContain(plan.id);
    expect(listed).not.toContain(id);
    const approvedList = await as(districtLeader).plans.list({ status: "approved", unitId: tree.commune.id });
    expect(approvedList.items.map((p) => p.id)).toContain(plan.id);
  });

  it("approves the amendment and supersedes the plan in one step: the new figures count, the old plan says so", async () => {
    const { plan } = await approvedPlan();
    const child = await buildPlan(getDb(), { unit: tree.school, program, author: schoolPlanner, parentId: plan.id });
    const before = await allocated();
    const { id } = await as(planner).workflow.amend({ id: plan.id });
    await as(planner).budget.updateLine({
      id: (await lineOf(id)).id,
      source: "central_budget",
      year: 2025,
      amount: "30.000.000.000",
      milestoneId: "",
      description: "",
    });
    // Progress recorded on the plan in force meanwhile follows to the amendment.
    await as(planner).budget.addDisbursement({
      budgetLineId: (await lineOf(plan.id)).id,
      amount: "1.000.000.000",
      paidOn: "2025-07-01",
      note: "Đợt 2",
    });

    await expect(as(planner).workflow.submit({ id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "errors.referenceRequiredToSubmit",
    });
    const reference = `${Math.floor(Math.random() * 90_000) + 10_000}/KH-UBND`;
    await as(planner).plans.update({ id, details: details(reference) });
    await as(planner).workflow.submit({ id });
    expect(await allocated()).toBe(before);
    const proposals = await allocated(true);
    await as(districtLeader).workflow.approve({ id });

    expect(await allocated()).toBe(before - 20_586_000_000n + 30_000_000_000n);
    // The amendment was the proposal already: with the toggle, nothing moves.
    expect(await allocated(true)).toBe(proposals);
    const rollup = await planningRollup(getDb(), districtLeader, { unitId: tree.district.id, year: 2025 });
    expect(rollup.budget.total.disbursed).toBeGreaterThanOrEqual(18_082_000_000n);
    expect((await lineOf(id)).amount).toBe(30_000_000_000n);
    expect(
      (await getDb().disbursement.findMany({ where: { budgetLine: { planId: id } } })).map((d) => d.amount).sort(),
    ).toEqual([1_000_000_000n, 17_082_000_000n]);

    const old = await as(planner).plans.get({ id: plan.id });
    expect(old).toMatchObject({ status: "superseded", canEdit: false, can: { amend: false, abandon: false } });
    expect(old.amendment).toMatchObject({ id, status: "approved" });
    const steps = await as(planner).workflow.timeline({ id: plan.id });
    expect(steps.at(-1)).toMatchObject({ action: "supersede", actor: { name: "Lãnh đạo huyện" } });
    // Kept, readable by the units beneath, but listed only when asked for.
    expect((await as(schoolPlanner).plans.get({ id: plan.id })).status).toBe("superseded");
    const list = async (status?: "superseded") =>
      (await as(planner).plans.list({ unitId: tree.commune.id, status, pageSize: 100 })).items.map((p) => p.id);
    expect(await list()).not.toContain(plan.id);
    expect(await list()).toContain(id);
    expect(await list("superseded")).toContain(plan.id);
    // The plans beneath now implement the plan in force.
    expect((await getDb().plan.findUniqueOrThrow({ where: { id: child.id } })).parentId).toBe(id);
    // No progress on a superseded plan.
    await expect(
      as(planner).budget.addDisbursement({
        budgetLineId: (await lineOf(plan.id)).id,
        amount: "1.000",
        paidOn: "2025-07-02",
        note: "",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("never counts both or neither: an approval whose plan in force cannot be superseded changes nothing", async () => {
    const { plan } = await approvedPlan();
    const { id } = await as(planner).workflow.amend({ id: plan.id });
    await as(planner).plans.update({ id, details: details(`${Math.floor(Math.random() * 90_000) + 10_000}/KH-UBND`) });
    await as(planner).workflow.submit({ id });
    // Something else superseded the plan in force meanwhile (as a concurrent approval would).
    await getDb().plan.update({ where: { id: plan.id }, data: { status: "superseded" } });
    await expect(as(districtLeader).workflow.approve({ id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getDb().plan.findUniqueOrThrow({ where: { id } })).status).toBe("submitted");
    expect(await getDb().planTransition.count({ where: { planId: id, action: "approve" } })).toBe(0);
    expect(await getDb().planDocumentVersion.count({ where: { planId: id, kind: "approved" } })).toBe(0);
  });

  it("opens one amendment per plan, whoever asks and however often", async () => {
    const { plan } = await approvedPlan();
    const results = await Promise.all([1, 2, 3].map(() => as(planner).workflow.amend({ id: plan.id })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.opened)).toHaveLength(1);
    expect(await getDb().plan.count({ where: { amendsId: plan.id } })).toBe(1);
    expect(await as(planner).workflow.amend({ id: plan.id })).toEqual({ id: results[0]!.id, opened: false });
    // An amendment is a draft, not a plan in force: it is not amended itself.
    await expect(as(planner).workflow.amend({ id: results[0]!.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("abandons an amendment its authors hold, leaving the plan in force as it was", async () => {
    const { plan } = await approvedPlan();
    const { id } = await as(planner).workflow.amend({ id: plan.id });
    await expect(as(districtLeader).workflow.abandon({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(planner).workflow.abandon({ id: plan.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await as(planner).workflow.abandon({ id })).toEqual({ amendsId: plan.id });
    expect(await getDb().plan.findUnique({ where: { id } })).toBeNull();
    expect(await getDb().plan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({ status: "approved" });
    expect(await getDb().target.count({ where: { planId: plan.id } })).toBe(1);
    expect((await as(planner).plans.get({ id: plan.id })).amendment).toBeNull();
    // It may be amended again; once submitted, the amendment is the reviewers' to decide.
    const again = await as(planner).workflow.amend({ id: plan.id });
    expect(again).toMatchObject({ opened: true });
    await as(planner).plans.update({
      id: again.id,
      details: details(`${Math.floor(Math.random() * 90_000) + 10_000}/KH-UBND`),
    });
    await as(planner).workflow.submit({ id: again.id });
    await expect(as(planner).workflow.abandon({ id: again.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets authors amend an approved plan and abandon an amendment, nobody else", () => {
    const approved = {
      status: "approved" as const,
      issuingUnit: { path: "/11/099/03180/", level: "commune" as const },
    };
    const actorAt = (role: "planner" | "leader" | "stakeholder" | "admin", unitPath: string): Actor => ({
      userId: "u",
      name: "Thử",
      email: "thu@test",
      memberships: [{ role, unitId: unitPath, unitCode: unitPath, unitName: unitPath, unitLevel: "commune", unitPath }],
    });
    const draft = { ...approved, status: "draft" as const, amendsId: "p" };
    for (const [role, path, amend, abandon] of [
      ["planner", "/11/099/03180/", true, true],
      ["admin", "/11/", true, true],
      ["leader", "/11/099/03180/", false, false],
      ["stakeholder", "/11/099/03180/", false, false],
      ["planner", "/11/099/03185/", false, false],
    ] as const) {
      const actor = actorAt(role, path);
      expect(can(actor, "plan.amend", approved), `${role}@${path}`).toBe(amend);
      expect(can(actor, "plan.abandon", draft), `${role}@${path}`).toBe(abandon);
    }
    const planner = actorAt("planner", "/11/099/03180/");
    expect(can(planner, "plan.amend", { ...approved, status: "superseded" })).toBe(false);
    expect(can(planner, "plan.abandon", { ...draft, amendsId: null })).toBe(false);
    expect(can(planner, "plan.abandon", { ...draft, status: "submitted" })).toBe(false);
    expect(can(planner, "plan.abandon", { ...draft, status: "returned" })).toBe(true);
    // A superseded plan from above stays readable by the units beneath; an amendment draft does not.
    const school = actorAt("planner", "/11/099/03180/03180-THCS/");
    expect(can(school, "plan.view", { ...approved, status: "superseded" })).toBe(true);
    expect(can(school, "plan.view", draft)).toBe(false);
  });
});
