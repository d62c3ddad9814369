import { describe, expect, it } from "vitest";
import { refusal } from "../../tests/refusal";
import { buildActor, buildPlan, buildPlanningItems, buildProgram, buildUnitTree } from "../../tests/factories";
import { createCaller } from "../api/root";
import { getDb } from "../db/client";
import type { PlanStatus } from "../db/generated/client";
import { type PlanEvent, publishPlanEvent } from "../live/live-events";
import type { Actor } from "../policies/actor";
import { todayInVietnam } from "./figures";
import { notifyOverdueMilestones } from "./overdue";

/**
 * Targets, milestones, budget and shortages of a plan, through the tRPC caller (so the input
 * schemas run) on a real database. Every test builds its own units, people and plans.
 */

const as = (actor: Actor) => createCaller({ db: getDb(), actor });

/** A commune's plan written by a commune planner (Xã Một, under Huyện Thử). */
async function setup(status: PlanStatus = "draft") {
  const db = getDb();
  const tree = await buildUnitTree(db);
  const program = await buildProgram(db);
  const planner = await buildActor(db, "planner", [tree.commune], "Lò Văn Kế");
  const plan = await buildPlan(db, {
    unit: tree.commune,
    program,
    author: planner,
    status,
    title: "Kế hoạch xây dựng nông thôn mới xã Một năm 2025",
  });
  return { db, tree, program, planner, plan, caller: as(planner) };
}

/** "2025-03-01" for a date, as the forms send it. */
const day = (date: Date) => date.toISOString().slice(0, 10);
const daysFromToday = (days: number) => day(new Date(todayInVietnam().getTime() + days * 86_400_000));

const povertyTarget = (planId: string) => ({
  planId,
  criterionId: "",
  title: "Tỷ lệ hộ nghèo",
  unit: "%",
  baselineValue: "34,9",
  baselineYear: 2021,
  targetValue: "17,66",
  targetYear: 2025,
  direction: "decrease" as const,
});
const milestoneInput = (ownerUnitId: string, patch: Record<string, unknown> = {}) => ({
  title: "Xây 4 phòng học bán trú",
  ownerUnitId,
  startOn: "2025-03-01",
  dueOn: "2025-09-30",
  status: "planned" as const,
  targetIds: [] as string[],
  shortageIds: [] as string[],
  ...patch,
});
const lineInput = (planId: string, amount: string) => ({
  planId,
  milestoneId: "",
  source: "central_budget" as const,
  year: 2025,
  description: "Vốn ngân sách trung ương xây phòng học",
  amount,
});
const shortageInput = (planId: string, unitId: string, patch: Record<string, unknown> = {}) => ({
  planId,
  unitId,
  category: "boarding_rooms" as const,
  description: "Phòng ở bán trú cho học sinh",
  quantity: 12,
  unitLabel: "phòng",
  estimatedCost: "",
  status: "open" as const,
  milestoneIds: [] as string[],
  budgetLineIds: [] as string[],
  ...patch,
});

/** Row counts of everything a plan's planning data and its author's audit trail hold. */
async function rowCounts(planId: string, actorId: string) {
  const db = getDb();
  const ofPlan = { planId };
  const [targets, measurements, milestones, lines, disbursements, inKind, shortages, audit] = await Promise.all([
    db.target.count({ where: ofPlan }),
    db.targetMeasurement.count({ where: { target: ofPlan } }),
    db.milestone.count({ where: ofPlan }),
    db.budgetLine.count({ where: ofPlan }),
    db.disbursement.count({ where: { budgetLine: ofPlan } }),
    db.inKindContribution.count({ where: ofPlan }),
    db.shortage.count({ where: ofPlan }),
    db.auditEvent.count({ where: { actorId } }),
  ]);
  return { targets, measurements, milestones, lines, disbursements, inKind, shortages, audit };
}

/** Resolves with `promise`, or fails after `ms` (live events arrive within milliseconds). */
async function within<T>(promise: Promise<T>, ms = 5_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe("targets", () => {
  it("tracks a falling poverty rate typed with decimal commas, correcting a period recorded twice", async () => {
    const { caller, plan } = await setup();
    const target = await caller.targets.create(povertyTarget(plan.id));
    await caller.targets.recordMeasurement({
      targetId: target.id,
      period: "2023",
      value: "28,42",
      source: "Kết quả rà soát hộ nghèo cuối năm 2023",
    });
    await caller.targets.recordMeasurement({
      targetId: target.id,
      period: "2024-H1",
      value: "25,1",
      source: "Báo cáo 6 tháng đầu năm 2024",
    });
    // The same half-year again corrects the figure rather than adding a second one.
    await caller.targets.recordMeasurement({
      targetId: target.id,
      period: "2024-h1",
      value: "24,5",
      source: "Báo cáo 6 tháng (số liệu đã hiệu chỉnh)",
    });
    expect(await getDb().targetMeasurement.count({ where: { targetId: target.id } })).toBe(2);

    const shown = (await caller.planning.get({ planId: plan.id })).targets.find((t) => t.id === target.id)!;
    expect(shown.measurements.map((m) => [m.period, m.value])).toEqual([
      ["2023", "28.42"],
      ["2024-H1", "24.5"],
    ]);
    // (24.5 − 34.9) / (17.66 − 34.9) = −10.4 / −17.24 = 0.603248… → 60.32 %
    expect(shown).toMatchObject({
      baselineValue: "34.9",
      targetValue: "17.66",
      latest: { period: "2024-H1", value: "24.5" },
      progress: { percent: 60.32, met: false },
    });

    // The whole year 2024 ends after its first half: 17.66 reaches the target exactly.
    await caller.targets.recordMeasurement({
      targetId: target.id,
      period: "2024",
      value: "17,66",
      source: "Quyết định công nhận kết quả rà soát 2024",
    });
    const met = (await caller.planning.get({ planId: plan.id })).targets.find((t) => t.id === target.id)!;
    expect(met).toMatchObject({ latest: { period: "2024", value: "17.66" }, progress: { percent: 100, met: true } });
  });
});

describe("validation", () => {
  /** A draft with one of each record, and a second plan of the same commune with its own. */
  async function validationFixture() {
    const f = await setup();
    const items = await buildPlanningItems(f.db, f.plan, f.tree.commune);
    const otherPlan = await buildPlan(f.db, {
      unit: f.tree.commune,
      program: f.program,
      author: f.planner,
      title: "Kế hoạch giảm nghèo bền vững xã Một",
    });
    const otherItems = await buildPlanningItems(f.db, otherPlan, f.tree.commune);
    return { ...f, items, otherItems };
  }
  type Fixture = Awaited<ReturnType<typeof validationFixture>>;

  const cases: { name: string; call: (f: Fixture) => Promise<unknown>; fieldErrors: Record<string, string[]> }[] = [
    {
      name: "an increasing target set below its baseline",
      call: (f) =>
        f.caller.targets.create({
          ...povertyTarget(f.plan.id),
          title: "Thu nhập bình quân đầu người",
          unit: "triệu đồng/người/năm",
          baselineValue: "41,5",
          targetValue: "38",
          direction: "increase",
        }),
      fieldErrors: { targetValue: ["validation.targetDirection"] },
    },
    {
      name: "a target year before the baseline year",
      call: (f) => f.caller.targets.create({ ...povertyTarget(f.plan.id), baselineYear: 2021, targetYear: 2020 }),
      fieldErrors: { targetYear: ["validation.targetYear"] },
    },
    {
      name: "a third half of the year",
      call: (f) =>
        f.caller.targets.recordMeasurement({
          targetId: f.items.target.id,
          period: "2024-H3",
          value: "40,2",
          source: "Báo cáo UBND xã",
        }),
      fieldErrors: { period: ["validation.period"] },
    },
    {
      name: "a milestone due before it starts",
      call: (f) =>
        f.caller.milestones.create({
          planId: f.plan.id,
          ...milestoneInput(f.tree.commune.id, { startOn: "2025-09-01", dueOn: "2025-03-31" }),
        }),
      fieldErrors: { dueOn: ["validation.dueBeforeStart"] },
    },
    {
      name: "a milestone owned by the neighbouring commune",
      call: (f) => f.caller.milestones.create({ planId: f.plan.id, ...milestoneInput(f.tree.neighbour.id) }),
      fieldErrors: { ownerUnitId: ["validation.unitOutOfScope"] },
    },
    {
      name: "a milestone linked to another plan's target",
      call: (f) =>
        f.caller.milestones.create({
          planId: f.plan.id,
          ...milestoneInput(f.tree.school.id, { targetIds: [f.items.target.id, f.otherItems.target.id] }),
        }),
      fieldErrors: { targetIds: ["validation.notInPlan"] },
    },
    {
      name: "money with a decimal comma",
      call: (f) => f.caller.budget.createLine(lineInput(f.plan.id, "12,5")),
      fieldErrors: { amount: ["validation.money"] },
    },
    {
      name: "a negative payment",
      call: (f) =>
        f.caller.budget.addDisbursement({
          budgetLineId: f.items.line.id,
          amount: "-5",
          paidOn: "2025-07-15",
          note: "",
        }),
      fieldErrors: { amount: ["validation.money"] },
    },
    {
      name: "a shortage of nothing",
      call: (f) => f.caller.shortages.create(shortageInput(f.plan.id, f.tree.school.id, { quantity: 0 })),
      fieldErrors: { quantity: ["validation.quantity"] },
    },
  ];

  it.each(cases)("refuses $name with a field error and writes nothing", async ({ call, fieldErrors }) => {
    const f = await validationFixture();
    const before = await rowCounts(f.plan.id, f.planner.userId);
    expect(await refusal(call(f))).toEqual({ code: "BAD_REQUEST", fieldErrors });
    expect(await rowCounts(f.plan.id, f.planner.userId)).toEqual(before);
  });
});

describe("budget", () => {
  it("adds payments up to the allocation and reports the disbursement rate, in total and by source", async () => {
    const { caller, plan } = await setup();
    const line = await caller.budget.createLine(lineInput(plan.id, "20.586.000.000"));
    expect(line.amount).toBe(20_586_000_000n);
    await caller.budget.addDisbursement({
      budgetLineId: line.id,
      amount: "10.000.000.000",
      paidOn: "2025-04-15",
      note: "Đợt 1",
    });
    await caller.budget.addDisbursement({
      budgetLineId: line.id,
      amount: "7.082.000.000",
      paidOn: "2025-06-30",
      note: "Đợt 2",
    });

    const { budget } = await caller.planning.get({ planId: plan.id });
    // 17 082 000 000 / 20 586 000 000 = 0.829787… → 82.98 %
    expect(budget.totals).toEqual({ allocated: 20_586_000_000n, disbursed: 17_082_000_000n, rate: 82.98 });
    expect(budget.bySource).toEqual([
      { source: "central_budget", allocated: 20_586_000_000n, disbursed: 17_082_000_000n, rate: 82.98 },
    ]);
    expect(budget.lines[0]).toMatchObject({
      id: line.id,
      allocated: 20_586_000_000n,
      disbursed: 17_082_000_000n,
      rate: 82.98,
    });
  });

  it("refuses a payment beyond what is left of the allocation and writes nothing", async () => {
    const { caller, plan, planner } = await setup();
    const line = await caller.budget.createLine(lineInput(plan.id, "20.586.000.000"));
    await caller.budget.addDisbursement({
      budgetLineId: line.id,
      amount: "17.082.000.000",
      paidOn: "2025-06-30",
      note: "",
    });
    const before = await rowCounts(plan.id, planner.userId);

    // 3 504 000 000 are left: one đồng more is refused.
    expect(
      await refusal(
        caller.budget.addDisbursement({
          budgetLineId: line.id,
          amount: "3.504.000.001",
          paidOn: "2025-09-30",
          note: "",
        }),
      ),
    ).toEqual({
      code: "BAD_REQUEST",
      fieldErrors: { amount: ["validation.overDisbursed"] },
    });
    expect(await rowCounts(plan.id, planner.userId)).toEqual(before);

    await caller.budget.addDisbursement({
      budgetLineId: line.id,
      amount: "3.504.000.000",
      paidOn: "2025-09-30",
      note: "Quyết toán",
    });
    expect((await caller.planning.get({ planId: plan.id })).budget.totals).toEqual({
      allocated: 20_586_000_000n,
      disbursed: 20_586_000_000n,
      rate: 100,
    });
  });

  it("lets only one of two simultaneous payments through when together they exceed the allocation", async () => {
    const { caller, plan } = await setup();
    const line = await caller.budget.createLine(lineInput(plan.id, "20.586.000.000"));
    const pay = (note: string) =>
      caller.budget.addDisbursement({ budgetLineId: line.id, amount: "12.000.000.000", paidOn: "2025-05-20", note });

    const results = await Promise.allSettled([pay("Kho bạc huyện"), pay("Ban quản lý dự án xã")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected")!;
    expect(await refusal(Promise.reject(rejected.reason))).toEqual({
      code: "BAD_REQUEST",
      fieldErrors: { amount: ["validation.overDisbursed"] },
    });
    expect(await getDb().disbursement.count({ where: { budgetLineId: line.id } })).toBe(1);
  });

  it("refuses shrinking an allocation below what has been paid out of it", async () => {
    const { caller, plan, planner } = await setup();
    const line = await caller.budget.createLine(lineInput(plan.id, "20.586.000.000"));
    await caller.budget.addDisbursement({
      budgetLineId: line.id,
      amount: "17.082.000.000",
      paidOn: "2025-06-30",
      note: "",
    });
    const { planId: _, ...fields } = lineInput(plan.id, "17.081.999.999");
    const before = await rowCounts(plan.id, planner.userId);

    expect(await refusal(caller.budget.updateLine({ id: line.id, ...fields }))).toEqual({
      code: "BAD_REQUEST",
      fieldErrors: { amount: ["validation.belowDisbursed"] },
    });
    expect(await rowCounts(plan.id, planner.userId)).toEqual(before);
    expect((await getDb().budgetLine.findUniqueOrThrow({ where: { id: line.id } })).amount).toBe(20_586_000_000n);

    // Down to exactly what was paid is fine.
    expect((await caller.budget.updateLine({ id: line.id, ...fields, amount: "17.082.000.000" })).amount).toBe(
      17_082_000_000n,
    );
  });

  it("adds up donated land to the hundredth of a square metre", async () => {
    const { caller, plan } = await setup();
    const inKind = { planId: plan.id, milestoneId: "", kind: "land_m2" as const, year: 2025, description: "" };
    await caller.budget.addInKind({
      ...inKind,
      quantity: "1250,5",
      description: "Hộ ông Lò Văn Páo hiến đất làm đường",
    });
    await caller.budget.addInKind({
      ...inKind,
      quantity: "0,25",
      description: "Hộ bà Quàng Thị Hoa hiến đất mở góc cua",
    });

    const { budget } = await caller.planning.get({ planId: plan.id });
    expect(budget.inKind.map((c) => c.quantity).sort()).toEqual(["0.25", "1250.5"]);
    expect(budget.inKindTotals).toEqual([
      { kind: "land_m2", quantity: "1250.75" },
      { kind: "working_days", quantity: "0" },
    ]);
  });
});

describe("milestones", () => {
  it("flags an open milestone past its due date, and not once it is done", async () => {
    const { caller, plan, tree } = await setup();
    const late = await caller.milestones.create({
      planId: plan.id,
      ...milestoneInput(tree.commune.id, { startOn: daysFromToday(-60), dueOn: daysFromToday(-1) }),
    });
    const dueToday = await caller.milestones.create({
      planId: plan.id,
      ...milestoneInput(tree.school.id, {
        title: "Nghiệm thu bếp ăn bán trú",
        startOn: daysFromToday(-30),
        dueOn: daysFromToday(0),
      }),
    });
    const overdue = async () =>
      Object.fromEntries((await caller.planning.get({ planId: plan.id })).milestones.map((m) => [m.id, m.overdue]));

    expect(await overdue()).toEqual({ [late.id]: true, [dueToday.id]: false });
    await caller.milestones.setStatus({ id: late.id, status: "done" });
    expect(await overdue()).toEqual({ [late.id]: false, [dueToday.id]: false });
  });

  it("tells the planners and leaders of the owner unit once that a milestone is overdue", async () => {
    const { db, caller, plan, tree, planner } = await setup();
    const principal = await buildActor(db, "leader", [tree.school], "Hiệu trưởng Vàng A Dế");
    const schoolPlanner = await buildActor(db, "planner", [tree.school], "Cán bộ trường Mùa Thị Sua");
    const parents = await buildActor(db, "stakeholder", [tree.school], "Ban đại diện cha mẹ học sinh");
    const late = await caller.milestones.create({
      planId: plan.id,
      ...milestoneInput(tree.school.id, { startOn: daysFromToday(-90), dueOn: daysFromToday(-1) }),
    });
    const finished = await caller.milestones.create({
      planId: plan.id,
      ...milestoneInput(tree.school.id, {
        title: "Sửa mái nhà công vụ",
        startOn: daysFromToday(-90),
        dueOn: daysFromToday(-1),
      }),
    });
    await caller.milestones.setStatus({ id: finished.id, status: "done" });

    // Other test files may have overdue milestones too, so the counts are read per milestone.
    await notifyOverdueMilestones(db, new Date());
    await notifyOverdueMilestones(db, new Date());

    const notified = await db.notification.findMany({
      where: { planId: plan.id },
      select: { userId: true, kind: true, milestoneId: true, actorId: true },
    });
    expect(notified.map((n) => n.userId).sort()).toEqual([principal.userId, schoolPlanner.userId].sort());
    expect(notified.every((n) => n.kind === "overdue" && n.milestoneId === late.id && n.actorId === null)).toBe(true);
    expect(notified.map((n) => n.userId)).not.toContain(parents.userId);
    expect(notified.map((n) => n.userId)).not.toContain(planner.userId);
    expect((await db.milestone.findUniqueOrThrow({ where: { id: late.id } })).overdueNotifiedAt).not.toBeNull();
    expect((await db.milestone.findUniqueOrThrow({ where: { id: finished.id } })).overdueNotifiedAt).toBeNull();
  });

  it("forgets the reminder when the due date changes, not when something else does", async () => {
    const { db, caller, plan, tree } = await setup();
    await buildActor(db, "leader", [tree.commune], "Chủ tịch UBND xã Một");
    const input = milestoneInput(tree.commune.id, { startOn: daysFromToday(-90), dueOn: daysFromToday(-1) });
    const late = await caller.milestones.create({ planId: plan.id, ...input });
    await notifyOverdueMilestones(db, new Date());
    const notifiedAt = async () => (await db.milestone.findUniqueOrThrow({ where: { id: late.id } })).overdueNotifiedAt;
    expect(await notifiedAt()).not.toBeNull();

    await caller.milestones.update({ id: late.id, ...input, title: "Xây 4 phòng học bán trú (điều chỉnh quy mô)" });
    expect(await notifiedAt()).not.toBeNull();

    await caller.milestones.update({ id: late.id, ...input, dueOn: daysFromToday(30) });
    expect(await notifiedAt()).toBeNull();
  });
});

describe("shortages", () => {
  it("links a shortage to the milestone and the money meant to close it", async () => {
    const { caller, plan, tree } = await setup();
    const milestone = await caller.milestones.create({ planId: plan.id, ...milestoneInput(tree.school.id) });
    const line = await caller.budget.createLine({
      ...lineInput(plan.id, "3.600.000.000"),
      milestoneId: milestone.id,
      description: "Xây 12 phòng bán trú",
    });
    const shortage = await caller.shortages.create(
      shortageInput(plan.id, tree.school.id, {
        estimatedCost: "3.600.000.000",
        milestoneIds: [milestone.id],
        budgetLineIds: [line.id],
      }),
    );

    const planning = await caller.planning.get({ planId: plan.id });
    expect(planning.shortages).toEqual([
      expect.objectContaining({
        id: shortage.id,
        quantity: 12,
        unitLabel: "phòng",
        estimatedCost: 3_600_000_000n,
        milestoneIds: [milestone.id],
        budgetLineIds: [line.id],
        funded: 3_600_000_000n,
        comments: 0,
      }),
    ]);
    expect(planning.milestones[0]).toMatchObject({
      id: milestone.id,
      shortageIds: [shortage.id],
      budget: { allocated: 3_600_000_000n, disbursed: 0n, rate: 0 },
    });
  });

  it("sums what the communes and schools of a district lack, by category, within what the viewer may see", async () => {
    const { db, tree, program } = await setup();
    const districtPlanner = await buildActor(db, "planner", [tree.district], "Cán bộ Phòng Giáo dục huyện");
    const communePlanner = await buildActor(db, "planner", [tree.commune], "Cán bộ văn hóa xã Một");
    const communePlan = await buildPlan(db, { unit: tree.commune, program, author: districtPlanner });
    const neighbourPlan = await buildPlan(db, { unit: tree.neighbour, program, author: districtPlanner });
    const district = as(districtPlanner);
    await district.shortages.create(shortageInput(communePlan.id, tree.commune.id, { quantity: 12 }));
    await district.shortages.create(shortageInput(communePlan.id, tree.school.id, { quantity: 4, status: "closed" }));
    await district.shortages.create(
      shortageInput(communePlan.id, tree.school.id, {
        category: "teachers",
        description: "Tiếng Anh",
        quantity: 3,
        unitLabel: "giáo viên",
      }),
    );
    await district.shortages.create(shortageInput(neighbourPlan.id, tree.neighbour.id, { quantity: 6 }));

    const byCategory = (totals: { category: string }[]) =>
      [...totals].sort((a, b) => a.category.localeCompare(b.category));
    const seenFromDistrict = await district.units.shortages({ id: tree.district.id });
    expect(seenFromDistrict.shortages).toHaveLength(4);
    expect(byCategory(seenFromDistrict.totals)).toEqual([
      { category: "boarding_rooms", unitLabel: "phòng", quantity: 22, open: 18 },
      { category: "teachers", unitLabel: "giáo viên", quantity: 3, open: 3 },
    ]);
    // The commune's people see the district's page without the neighbour's plan.
    const seenFromCommune = await as(communePlanner).units.shortages({ id: tree.district.id });
    expect(byCategory(seenFromCommune.totals)).toEqual([
      { category: "boarding_rooms", unitLabel: "phòng", quantity: 16, open: 12 },
      { category: "teachers", unitLabel: "giáo viên", quantity: 3, open: 3 },
    ]);
  });
});

describe("approval", () => {
  it("freezes an approved plan's content but lets its planner record progress", async () => {
    const { db, caller, plan, tree } = await setup("approved");
    const items = await buildPlanningItems(db, plan, tree.commune);

    await expect(caller.targets.create(povertyTarget(plan.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      caller.milestones.update({
        id: items.milestone.id,
        ...milestoneInput(tree.commune.id, { title: "Khởi công nhà bán trú (dời lịch)" }),
      }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    await caller.targets.recordMeasurement({
      targetId: items.target.id,
      period: "2024",
      value: "41,2",
      source: "Cục Thống kê tỉnh",
    });
    await caller.milestones.setStatus({ id: items.milestone.id, status: "in_progress" });
    await caller.budget.addDisbursement({
      budgetLineId: items.line.id,
      amount: "2.000.000.000",
      paidOn: "2025-08-15",
      note: "Đợt 3",
    });

    const planning = await caller.planning.get({ planId: plan.id });
    expect(planning).toMatchObject({ canEdit: false, canTrack: true });
    expect(planning.targets[0]!.latest).toEqual({ period: "2024", value: "41.2" });
    expect(planning.milestones[0]!.status).toBe("in_progress");
    expect(planning.budget.totals.disbursed).toBe(19_082_000_000n);
  });

  it("refuses even progress while the plan is under review", async () => {
    const { db, caller, plan, tree, planner } = await setup("submitted");
    const items = await buildPlanningItems(db, plan, tree.commune);
    const before = await rowCounts(plan.id, planner.userId);

    await expect(
      caller.targets.recordMeasurement({
        targetId: items.target.id,
        period: "2024",
        value: "41,2",
        source: "Cục Thống kê tỉnh",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.milestones.setStatus({ id: items.milestone.id, status: "in_progress" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      caller.budget.addDisbursement({
        budgetLineId: items.line.id,
        amount: "1.000.000.000",
        paidOn: "2025-08-15",
        note: "",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await rowCounts(plan.id, planner.userId)).toEqual(before);
    expect((await db.milestone.findUniqueOrThrow({ where: { id: items.milestone.id } })).status).toBe("planned");
  });
});

describe("audit", () => {
  it("records who changed what with the values before and after, money as exact decimal strings", async () => {
    const { db, caller, plan, planner, tree } = await setup();
    const target = await caller.targets.create(povertyTarget(plan.id));
    const milestone = await caller.milestones.create({
      planId: plan.id,
      ...milestoneInput(tree.school.id, { targetIds: [target.id] }),
    });
    const line = await caller.budget.createLine(lineInput(plan.id, "20.586.000.000"));
    const { planId: _, ...lineFields } = lineInput(plan.id, "24.000.000.000");
    await caller.budget.updateLine({ id: line.id, ...lineFields, milestoneId: milestone.id });
    const payment = await caller.budget.addDisbursement({
      budgetLineId: line.id,
      amount: "10.000.000.000",
      paidOn: "2025-04-15",
      note: "Đợt 1",
    });
    const shortage = await caller.shortages.create(shortageInput(plan.id, tree.school.id));
    await caller.shortages.setStatus({ id: shortage.id, status: "in_progress" });

    const events = await db.auditEvent.findMany({ where: { actorId: planner.userId } });
    expect(events.map((e) => [e.action, e.entityType, e.entityId]).sort()).toEqual(
      [
        ["target.create", "Target", target.id],
        ["milestone.create", "Milestone", milestone.id],
        ["budget.create", "BudgetLine", line.id],
        ["budget.update", "BudgetLine", line.id],
        ["disbursement.create", "Disbursement", payment.id],
        ["shortage.create", "Shortage", shortage.id],
        ["shortage.status", "Shortage", shortage.id],
      ].sort(),
    );

    const update = events.find((e) => e.action === "budget.update")!;
    expect(update.before).toMatchObject({
      id: line.id,
      amount: "20586000000",
      milestoneId: null,
      source: "central_budget",
    });
    expect(update.after).toMatchObject({
      id: line.id,
      amount: "24000000000",
      milestoneId: milestone.id,
      source: "central_budget",
    });
    expect(events.find((e) => e.action === "disbursement.create")!.after).toMatchObject({
      amount: "10000000000",
      budgetLineId: line.id,
    });
    expect(events.find((e) => e.action === "shortage.status")!).toMatchObject({
      before: { status: "open" },
      after: { status: "in_progress" },
    });
  });
});

describe("comments on planning records", () => {
  it("keeps a shortage's discussion apart, replies included, and counts its threads", async () => {
    const { db, caller, plan, tree, program, planner } = await setup();
    const shortage = await caller.shortages.create(shortageInput(plan.id, tree.school.id));
    const target = await caller.targets.create(povertyTarget(plan.id));
    const parents = as(await buildActor(db, "stakeholder", [tree.commune], "Hội Liên hiệp Phụ nữ xã"));

    const thread = await parents.comments.add({
      planId: plan.id,
      body: "Đề nghị ưu tiên phòng bán trú cho học sinh nữ",
      subject: { type: "shortage", id: shortage.id },
    });
    const reply = await caller.comments.add({
      planId: plan.id,
      body: "Đã bổ sung vào hạng mục đợt 1",
      parentId: thread.id,
    });
    await caller.comments.add({
      planId: plan.id,
      body: "Số liệu hộ nghèo lấy theo rà soát cuối năm",
      subject: { type: "target", id: target.id },
    });

    const stored = await db.comment.findUniqueOrThrow({ where: { id: reply.id } });
    expect(stored).toMatchObject({ subjectType: "shortage", subjectId: shortage.id });

    const aboutShortage = await caller.comments.list({
      planId: plan.id,
      subject: { type: "shortage", id: shortage.id },
    });
    expect(aboutShortage.map((t) => [t.id, t.replies.map((r) => r.id)])).toEqual([[thread.id, [reply.id]]]);
    const aboutTarget = await caller.comments.list({ planId: plan.id, subject: { type: "target", id: target.id } });
    expect(aboutTarget.map((t) => t.body)).toEqual(["Số liệu hộ nghèo lấy theo rà soát cuối năm"]);
    expect((await caller.comments.list({ planId: plan.id })).length).toBe(2);

    // A record of another plan the commune can see is still not this plan's subject.
    const otherPlan = await buildPlan(db, { unit: tree.commune, program, author: planner });
    const otherItems = await buildPlanningItems(db, otherPlan, tree.commune);
    await expect(
      caller.comments.add({
        planId: plan.id,
        body: "Nhầm kế hoạch",
        subject: { type: "shortage", id: otherItems.shortage.id },
      }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const planning = await caller.planning.get({ planId: plan.id });
    expect(planning.shortages.find((s) => s.id === shortage.id)!.comments).toBe(1);
    expect(planning.targets.find((t) => t.id === target.id)!.comments).toBe(1);
  });
});

describe("live", () => {
  it("tells the plan's viewers that its planning changed", async () => {
    const { caller, plan, tree } = await setup();
    const events: AsyncIterator<PlanEvent> = (await caller.live.plan({ planId: plan.id }))[Symbol.asyncIterator]();
    // The stream starts listening on its first read: pings on another topic show when it does.
    const ping = setInterval(() => void publishPlanEvent(getDb(), { planId: plan.id, topic: "comments" }), 50);
    try {
      expect((await within(events.next())).value).toEqual({ planId: plan.id, topic: "comments" });
      clearInterval(ping);

      await caller.milestones.create({ planId: plan.id, ...milestoneInput(tree.commune.id) });
      let event: PlanEvent;
      do event = (await within(events.next())).value;
      while (event.topic === "comments");
      expect(event).toEqual({ planId: plan.id, topic: "planning" });
    } finally {
      clearInterval(ping);
      await events.return?.();
    }
  });
});
