import { randomBytes } from "node:crypto";
import type { Db } from "../server/db/client";
import type { PlanStatus, Role, UnitLevel } from "../server/db/generated/client";
import { type Actor, loadActor } from "../server/policies/actor";
import { childPath } from "../server/policies/tree";
import { reviewingUnitOf } from "../server/approvals/reviewing-unit";

/** Unique per call, so tests share one database without stepping on each other. */
export const uniqueTag = () => randomBytes(4).toString("hex").toUpperCase();

export async function buildUnit(
  db: Db,
  input: {
    level: UnitLevel;
    parent?: { id: string; path: string; depth: number } | null;
    name?: string;
    code?: string;
  },
) {
  const code = input.code ?? `${input.level.slice(0, 1).toUpperCase()}${uniqueTag()}`;
  return db.orgUnit.create({
    data: {
      code,
      name: input.name ?? `${input.level} ${code}`,
      level: input.level,
      parentId: input.parent?.id ?? null,
      path: childPath(input.parent?.path ?? null, code),
      depth: input.parent ? input.parent.depth + 1 : 0,
    },
  });
}

/** A province with a department, a district and two neighbouring communes (the first with a school). */
export async function buildUnitTree(db: Db) {
  const province = await buildUnit(db, { level: "province", name: "Tỉnh Thử Nghiệm" });
  const agency = await buildUnit(db, { level: "agency", parent: province, name: "Sở Giáo dục và Đào tạo" });
  const district = await buildUnit(db, { level: "district", parent: province, name: "Huyện Thử" });
  const commune = await buildUnit(db, { level: "commune", parent: district, name: "Xã Một" });
  const neighbour = await buildUnit(db, { level: "commune", parent: district, name: "Xã Hai" });
  const school = await buildUnit(db, { level: "school", parent: commune, name: "Trường THCS Xã Một" });
  return { province, agency, district, commune, neighbour, school };
}

export async function buildProgram(db: Db, period: [number, number] = [2021, 2025]) {
  const code = `P-${uniqueTag()}`;
  return db.program.create({
    data: {
      code,
      name: `Chương trình ${code}`,
      nameEn: `Programme ${code}`,
      periodStart: period[0],
      periodEnd: period[1],
    },
  });
}

/** A user holding `role` at each given unit, returned as the actor the policies see. */
export async function buildActor(
  db: Db,
  role: Role,
  units: { id: string }[],
  name = `Người dùng ${uniqueTag()}`,
): Promise<Actor> {
  const user = await db.user.create({
    data: {
      email: `${uniqueTag().toLowerCase()}@test.chungtay.vn`,
      name,
      passwordHash: "unused",
      memberships: { create: units.map((unit) => ({ role, unitId: unit.id })) },
    },
  });
  return (await loadActor(db, user.id))!;
}

let planNumber = 1000;
export async function buildPlan(
  db: Db,
  input: {
    unit: { id: string };
    program: { id: string; periodStart: number; periodEnd: number };
    author: Actor;
    status?: PlanStatus;
    parentId?: string;
    title?: string;
    year?: number | null;
  },
) {
  const status = input.status ?? "draft";
  // A plan past its draft was submitted by its author to where the rule sends it.
  const submitted =
    status === "draft"
      ? {}
      : {
          submittedById: input.author.userId,
          reviewUnitId:
            (await reviewingUnitOf(db, await db.orgUnit.findUniqueOrThrow({ where: { id: input.unit.id } })))?.id ??
            null,
        };
  return db.plan.create({
    data: {
      ...submitted,
      number: String(planNumber++),
      symbol: `KH-${uniqueTag()}`,
      title: input.title ?? "Kế hoạch thử nghiệm xây dựng nông thôn mới",
      issuingUnitId: input.unit.id,
      programId: input.program.id,
      periodStart: input.program.periodStart,
      periodEnd: input.program.periodEnd,
      year: input.year ?? null,
      status,
      parentId: input.parentId ?? null,
      createdById: input.author.userId,
      updatedById: input.author.userId,
    },
  });
}

/** One of each planning record on a plan, at `unit` (which must be within the plan's reach). */
export async function buildPlanningItems(db: Db, plan: { id: string }, unit: { id: string }) {
  const target = await db.target.create({
    data: {
      planId: plan.id,
      title: "Thu nhập bình quân",
      unit: "triệu đồng/người/năm",
      baselineValue: "21.84",
      baselineYear: 2021,
      targetValue: "54",
      targetYear: 2025,
      direction: "increase",
    },
  });
  const measurement = await db.targetMeasurement.create({
    data: { targetId: target.id, period: "2023", value: "35.5", source: "Cục Thống kê" },
  });
  const milestone = await db.milestone.create({
    data: {
      planId: plan.id,
      title: "Khởi công nhà bán trú",
      ownerUnitId: unit.id,
      startOn: new Date("2025-02-01"),
      dueOn: new Date("2025-08-31"),
    },
  });
  const line = await db.budgetLine.create({
    data: { planId: plan.id, milestoneId: milestone.id, source: "central_budget", year: 2025, amount: 20_586_000_000n },
  });
  const disbursement = await db.disbursement.create({
    data: { budgetLineId: line.id, amount: 17_082_000_000n, paidOn: new Date("2025-06-30") },
  });
  const inKind = await db.inKindContribution.create({
    data: { planId: plan.id, kind: "land_m2", quantity: "1250.5", year: 2025 },
  });
  const shortage = await db.shortage.create({
    data: {
      planId: plan.id,
      unitId: unit.id,
      category: "boarding_rooms",
      quantity: 12,
      unitLabel: "phòng",
      estimatedCost: 3_600_000_000n,
      milestones: { connect: { id: milestone.id } },
    },
  });
  return { target, measurement, milestone, line, disbursement, inKind, shortage };
}

/** A commune criteria set with three criteria, levels and three groups. */
export async function buildCriteriaSet(db: Db) {
  const code = `TC-${uniqueTag()}`;
  return db.criteriaSet.create({
    data: {
      code,
      name: `Bộ tiêu chí ${code}`,
      nameEn: `Criteria ${code}`,
      unitLevel: "commune",
      periodStart: 2021,
      periodEnd: 2025,
      hasLevels: true,
      groupCount: 3,
      criteria: {
        create: [1, 2, 3].map((number) => ({ number, name: `Tiêu chí ${number}`, nameEn: `Criterion ${number}` })),
      },
    },
    include: { criteria: { orderBy: { number: "asc" } } },
  });
}
