import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildActor,
  buildCriteriaSet,
  buildPlan,
  buildPlanningItems,
  buildProgram,
  buildUnitTree,
  uniqueTag,
} from "../../tests/factories";
import { pdf } from "../../tests/evidence-files";
import { amendPlan } from "../approvals/amend-plan";
import { saveVersion } from "../documents/versions";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { attachEvidence, readEvidence } from "../evidence/evidence";
import { issuePlan } from "../plans/issue-plan";
import { getDb } from "../db/client";
import { publishLiveEvent, publishPlanEvent } from "../live/live-events";
import type { Role } from "../db/generated/client";
import type { Actor } from "../policies/actor";
import { appRouter, createCaller } from "./root";

/**
 * Every procedure × every role × every unit level, on a real database. The users sit at the
 * province, the district, or the first commune; the targets include the neighbouring
 * commune, which a commune-level user must not see. A procedure missing from `matrix` fails
 * the test, so new procedures cannot skip their rights check.
 */

type Level = "province" | "district" | "commune";
type Outcome = "ok" | "NOT_FOUND" | "FORBIDDEN" | "BAD_REQUEST";
type Fixtures = Awaited<ReturnType<typeof buildFixtures>>;
type Caller = ReturnType<typeof createCaller>;

const ROLES: Role[] = ["planner", "leader", "stakeholder", "admin"];
const LEVELS: Level[] = ["province", "district", "commune"];
const AUTHORS: Role[] = ["planner", "admin"];
const author = (role: Role) => AUTHORS.includes(role);
const reviewer = (role: Role) => role === "leader" || role === "admin";

async function buildFixtures() {
  const db = getDb();
  const tree = await buildUnitTree(db);
  const program = await buildProgram(db);
  const owner = await buildActor(db, "planner", [tree.province]);
  const agencyPlan = await buildPlan(db, { unit: tree.agency, program, author: owner, status: "approved" });
  const ownPlan = await buildPlan(db, { unit: tree.commune, program, author: owner, parentId: agencyPlan.id });
  const neighbourPlan = await buildPlan(db, { unit: tree.neighbour, program, author: owner, parentId: agencyPlan.id });
  const approvedOwnPlan = await buildPlan(db, { unit: tree.commune, program, author: owner, status: "approved" });
  const neighbourVersion = await saveVersion(db, neighbourPlan.id, {
    kind: "manual",
    name: "Bản đầu",
    createdById: owner.userId,
  });
  const neighbourThread = await db.comment.create({
    data: { planId: neighbourPlan.id, body: "Cần bổ sung số liệu", authorId: owner.userId },
  });
  const details = (unitId: string) => ({
    reference: `${Math.floor(Math.random() * 900_000) + 100}/KH-${uniqueTag().replace(/\d/g, "X")}`,
    title: "Kế hoạch kiểm tra quyền hạn",
    issuedOn: "2024-03-05",
    issuingUnitId: unitId,
    programId: program.id,
    year: 2024,
    parentId: "",
  });
  /** A new plan in `status` for each call, since workflow steps change the plan they act on. */
  const freshPlan = async (unit: { id: string }, status: "draft" | "submitted" | "approved") => {
    const plan = await buildPlan(db, { unit, program, author: owner, status });
    if (status !== "draft") {
      await db.planTransition.create({
        data: {
          planId: plan.id,
          action: "submit",
          fromStatus: "draft",
          toStatus: "submitted",
          revision: 1,
          actorId: owner.userId,
        },
      });
    }
    return plan.id;
  };
  /** A new amendment (a draft beside its approved plan) for each call. */
  const freshAmendment = async (unit: { id: string }) =>
    (await amendPlan(db, owner, await freshPlan(unit, "approved"))).id;
  const neighbourAmendment = await freshAmendment(tree.neighbour);
  const items = (plan: { id: string }, unit: { id: string }) => buildPlanningItems(db, plan, unit);
  const neighbourItems = await items(neighbourPlan, tree.neighbour);
  const approvedItems = await items(approvedOwnPlan, tree.commune);
  const criteriaSet = await buildCriteriaSet(db);
  /** A file attached to a plan, stored as the app stores it, for each call that deletes one. */
  const evidenceOn = (plan: { id: string }) =>
    db.evidence.create({
      data: {
        planId: plan.id,
        fileName: "bien-ban.pdf",
        contentType: "application/pdf",
        sizeBytes: 4,
        storage: "database",
        uploadedById: owner.userId,
        blobs: { create: { variant: "file", data: new Uint8Array(Buffer.from("%PDF")) } },
      },
    });
  const neighbourEvidence = await evidenceOn(neighbourPlan);
  return {
    ...tree,
    program,
    agencyPlan,
    ownPlan,
    neighbourPlan,
    approvedOwnPlan,
    neighbourVersion,
    neighbourThread,
    details,
    freshPlan,
    freshAmendment,
    neighbourAmendment,
    items,
    neighbourItems,
    approvedItems,
    criteriaSet,
    evidenceOn,
    neighbourEvidence,
  };
}

/** What a planning form sends for the neighbour plan, valid unless the caller lacks the right. */
const targetInput = {
  criterionId: "",
  title: "Tỷ lệ hộ nghèo",
  unit: "%",
  baselineValue: "34,9",
  baselineYear: 2021,
  targetValue: "17,66",
  targetYear: 2025,
  direction: "decrease" as const,
};
const milestoneInput = (f: Fixtures) => ({
  title: "Xây 4 phòng bán trú",
  ownerUnitId: f.neighbour.id,
  startOn: "2025-03-01",
  dueOn: "2025-09-30",
  status: "planned" as const,
  targetIds: [],
  shortageIds: [],
});
const lineInput = {
  milestoneId: "",
  source: "central_budget" as const,
  year: 2025,
  description: "Vốn xây phòng bán trú",
  amount: "24.000.000.000",
};
const shortageInput = (f: Fixtures) => ({
  unitId: f.neighbour.id,
  category: "boarding_rooms" as const,
  description: "",
  quantity: 4,
  unitLabel: "phòng",
  estimatedCost: "",
  status: "open" as const,
  milestoneIds: [],
  budgetLineIds: [],
});

/** Content changes and progress records on the neighbour's draft: its authors above it may, others may not. */
const onNeighbourPlan = (run: (caller: Caller, f: Fixtures) => Promise<unknown>) => ({
  run,
  expected: (role: Role, level: Level): Outcome =>
    level === "commune" ? "NOT_FOUND" : author(role) ? "ok" : "FORBIDDEN",
});
const readsNeighbour = (run: (caller: Caller, f: Fixtures) => Promise<unknown>) => ({
  run,
  expected: (_: Role, level: Level): Outcome => (level === "commune" ? "NOT_FOUND" : "ok"),
});
const rollsUpDistrict = (run: (caller: Caller, f: Fixtures) => Promise<unknown>) => ({
  run,
  expected: (_: Role, level: Level): Outcome => (level === "commune" ? "FORBIDDEN" : "ok"),
});
const adminOnly = (run: (caller: Caller, f: Fixtures) => Promise<unknown>) => ({
  run,
  expected: (role: Role): Outcome => (role === "admin" ? "ok" : "FORBIDDEN"),
});

/** A file as the import procedures take it: a criteria table for the neighbour commune, or a school under the first commune. */
const importFile = (kind: "criteria" | "units", csv: string, options: { period?: string; setCode?: string } = {}) => ({
  kind,
  fileName: `${kind}.csv`,
  contentBase64: Buffer.from(csv).toString("base64"),
  ...options,
});
const neighbourCriteriaFile = (f: Fixtures) =>
  importFile("criteria", `Mã đơn vị,Tên đơn vị,TC1\n${f.neighbour.code},Xã Hai,Đạt\n`, {
    period: "2025",
    setCode: f.criteriaSet.code,
  });
const schoolUnitFile = (f: Fixtures) =>
  importFile("units", `Mã,Tên,Cấp,Mã cấp trên\n${f.commune.code}-TH,Trường Tiểu học Xã Một,trường,${f.commune.code}\n`);

/** What each procedure does in the matrix, and what each role at each level must get. */
const matrix: Record<
  string,
  { run: (caller: Caller, f: Fixtures) => Promise<unknown>; expected: (role: Role, level: Level) => Outcome }
> = {
  me: { run: (c) => c.me(), expected: () => "ok" },
  "units.list": { run: (c) => c.units.list(), expected: () => "ok" },
  "units.mine": { run: (c) => c.units.mine(), expected: () => "ok" },
  "units.get": {
    run: (c, f) => c.units.get({ id: f.neighbour.id }),
    expected: (_, level) => (level === "commune" ? "NOT_FOUND" : "ok"),
  },
  "units.children": {
    run: (c, f) => c.units.children({ id: f.neighbour.id }),
    expected: (_, level) => (level === "commune" ? "NOT_FOUND" : "ok"),
  },
  "plans.list": { run: (c) => c.plans.list({}), expected: () => "ok" },
  "plans.get": {
    run: (c, f) => c.plans.get({ id: f.neighbourPlan.id }),
    expected: (_, level) => (level === "commune" ? "NOT_FOUND" : "ok"),
  },
  "plans.formOptions": { run: (c) => c.plans.formOptions(), expected: () => "ok" },
  "plans.parentCandidates": {
    run: (c, f) => c.plans.parentCandidates({ issuingUnitId: f.commune.id }),
    expected: () => "ok",
  },
  "plans.create": {
    run: (c, f) => c.plans.create(f.details(f.neighbour.id)),
    expected: (role, level) => (author(role) && level !== "commune" ? "ok" : "BAD_REQUEST"),
  },
  "plans.update": {
    run: (c, f) =>
      c.plans.update({
        id: f.neighbourPlan.id,
        details: { ...f.details(f.neighbour.id), title: "Kế hoạch đã được sửa trong ma trận" },
      }),
    expected: (role, level) => (level === "commune" ? "NOT_FOUND" : author(role) ? "ok" : "FORBIDDEN"),
  },
  "documents.versions": {
    run: (c, f) => c.documents.versions({ planId: f.neighbourPlan.id }),
    expected: (_, level) => (level === "commune" ? "NOT_FOUND" : "ok"),
  },
  "documents.version": {
    run: (c, f) => c.documents.version({ id: f.neighbourVersion.id }),
    expected: (_, level) => (level === "commune" ? "NOT_FOUND" : "ok"),
  },
  "documents.suggestions": {
    run: (c, f) => c.documents.suggestions({ planId: f.neighbourPlan.id }),
    expected: (_, level) => (level === "commune" ? "NOT_FOUND" : "ok"),
  },
  "documents.saveVersion": {
    run: (c, f) => c.documents.saveVersion({ planId: f.neighbourPlan.id, name: "Bản kiểm tra quyền" }),
    expected: (role, level) => (level === "commune" ? "NOT_FOUND" : author(role) ? "ok" : "FORBIDDEN"),
  },
  "documents.restoreVersion": {
    run: (c, f) => c.documents.restoreVersion({ id: f.neighbourVersion.id }),
    expected: (role, level) => (level === "commune" ? "NOT_FOUND" : author(role) ? "ok" : "FORBIDDEN"),
  },
  "workflow.timeline": {
    run: (c, f) => c.workflow.timeline({ id: f.neighbourPlan.id }),
    expected: (_, level) => (level === "commune" ? "NOT_FOUND" : "ok"),
  },
  "workflow.submit": {
    run: async (c, f) => c.workflow.submit({ id: await f.freshPlan(f.neighbour, "draft") }),
    expected: (role, level) => (level === "commune" ? "NOT_FOUND" : author(role) ? "ok" : "FORBIDDEN"),
  },
  // A commune's plan waits for the district, the nearest level above with a reviewer: the
  // province sees it but does not decide it.
  "workflow.approve": {
    run: async (c, f) => c.workflow.approve({ id: await f.freshPlan(f.neighbour, "submitted") }),
    expected: (role, level) =>
      level === "commune" ? "NOT_FOUND" : reviewer(role) && level === "district" ? "ok" : "FORBIDDEN",
  },
  "workflow.return": {
    run: async (c, f) =>
      c.workflow.return({ id: await f.freshPlan(f.neighbour, "submitted"), reason: "Bổ sung số liệu phòng học" }),
    expected: (role, level) =>
      level === "commune" ? "NOT_FOUND" : reviewer(role) && level === "district" ? "ok" : "FORBIDDEN",
  },
  "workflow.amend": {
    run: async (c, f) => c.workflow.amend({ id: await f.freshPlan(f.neighbour, "approved") }),
    expected: (role, level) => (level === "commune" ? "NOT_FOUND" : author(role) ? "ok" : "FORBIDDEN"),
  },
  "workflow.abandon": {
    run: async (c, f) => c.workflow.abandon({ id: await f.freshAmendment(f.neighbour) }),
    expected: (role, level) => (level === "commune" ? "NOT_FOUND" : author(role) ? "ok" : "FORBIDDEN"),
  },
  "documents.compareWithAmended": readsNeighbour((c, f) =>
    c.documents.compareWithAmended({ planId: f.neighbourAmendment }),
  ),
  "comments.list": {
    run: (c, f) => c.comments.list({ planId: f.neighbourPlan.id }),
    expected: (_, level) => (level === "commune" ? "NOT_FOUND" : "ok"),
  },
  "comments.add": {
    run: (c, f) => c.comments.add({ planId: f.neighbourPlan.id, body: "Ý kiến trong ma trận quyền" }),
    expected: (_, level) => (level === "commune" ? "NOT_FOUND" : "ok"),
  },
  // Who may be named is told only to someone who may comment on the plan.
  "comments.mentionCandidates": readsNeighbour((c, f) =>
    c.comments.mentionCandidates({ planId: f.neighbourPlan.id, query: "" }),
  ),
  "comments.resolve": {
    run: (c, f) => c.comments.resolve({ id: f.neighbourThread.id }),
    expected: (role, level) => (level === "commune" ? "NOT_FOUND" : role === "stakeholder" ? "FORBIDDEN" : "ok"),
  },
  "comments.reopen": {
    run: (c, f) => c.comments.reopen({ id: f.neighbourThread.id }),
    expected: (role, level) => (level === "commune" ? "NOT_FOUND" : role === "stakeholder" ? "FORBIDDEN" : "ok"),
  },
  "live.me": { run: (c) => firstOwnEvent(c), expected: () => "ok" },
  "notifications.list": { run: (c) => c.notifications.list(), expected: () => "ok" },
  "notifications.unreadCount": { run: (c) => c.notifications.unreadCount(), expected: () => "ok" },
  "notifications.markRead": { run: (c) => c.notifications.markRead({}), expected: () => "ok" },
  "live.plan": {
    run: (c, f) => firstLiveEvent(c, f.neighbourPlan.id),
    expected: (_, level) => (level === "commune" ? "NOT_FOUND" : "ok"),
  },
  "units.shortages": readsNeighbour((c, f) => c.units.shortages({ id: f.neighbour.id })),
  "planning.get": readsNeighbour((c, f) => c.planning.get({ planId: f.neighbourPlan.id })),
  "planning.options": readsNeighbour((c, f) => c.planning.options({ planId: f.neighbourPlan.id })),
  "targets.create": onNeighbourPlan((c, f) => c.targets.create({ planId: f.neighbourPlan.id, ...targetInput })),
  "targets.update": onNeighbourPlan((c, f) => c.targets.update({ id: f.neighbourItems.target.id, ...targetInput })),
  "targets.remove": onNeighbourPlan(async (c, f) =>
    c.targets.remove({ id: (await f.items(f.neighbourPlan, f.neighbour)).target.id }),
  ),
  "targets.recordMeasurement": onNeighbourPlan((c, f) =>
    c.targets.recordMeasurement({
      targetId: f.neighbourItems.target.id,
      period: "2024",
      value: "25,1",
      source: "Báo cáo UBND xã",
    }),
  ),
  "targets.removeMeasurement": onNeighbourPlan(async (c, f) =>
    c.targets.removeMeasurement({ id: (await f.items(f.neighbourPlan, f.neighbour)).measurement.id }),
  ),
  "milestones.create": onNeighbourPlan((c, f) =>
    c.milestones.create({ planId: f.neighbourPlan.id, ...milestoneInput(f) }),
  ),
  "milestones.update": onNeighbourPlan((c, f) =>
    c.milestones.update({ id: f.neighbourItems.milestone.id, ...milestoneInput(f) }),
  ),
  "milestones.setStatus": onNeighbourPlan((c, f) =>
    c.milestones.setStatus({ id: f.neighbourItems.milestone.id, status: "in_progress" }),
  ),
  "milestones.remove": onNeighbourPlan(async (c, f) =>
    c.milestones.remove({ id: (await f.items(f.neighbourPlan, f.neighbour)).milestone.id }),
  ),
  "budget.createLine": onNeighbourPlan((c, f) => c.budget.createLine({ planId: f.neighbourPlan.id, ...lineInput })),
  "budget.updateLine": onNeighbourPlan((c, f) => c.budget.updateLine({ id: f.neighbourItems.line.id, ...lineInput })),
  "budget.removeLine": onNeighbourPlan(async (c, f) =>
    c.budget.removeLine({ id: (await f.items(f.neighbourPlan, f.neighbour)).line.id }),
  ),
  "budget.addDisbursement": onNeighbourPlan((c, f) =>
    c.budget.addDisbursement({
      budgetLineId: f.neighbourItems.line.id,
      amount: "1.000",
      paidOn: "2025-04-01",
      note: "",
    }),
  ),
  "budget.removeDisbursement": onNeighbourPlan(async (c, f) =>
    c.budget.removeDisbursement({ id: (await f.items(f.neighbourPlan, f.neighbour)).disbursement.id }),
  ),
  "budget.addInKind": onNeighbourPlan((c, f) =>
    c.budget.addInKind({
      planId: f.neighbourPlan.id,
      milestoneId: "",
      kind: "working_days",
      quantity: "120",
      year: 2025,
      description: "Ngày công làm đường",
    }),
  ),
  "budget.removeInKind": onNeighbourPlan(async (c, f) =>
    c.budget.removeInKind({ id: (await f.items(f.neighbourPlan, f.neighbour)).inKind.id }),
  ),
  "shortages.create": onNeighbourPlan((c, f) =>
    c.shortages.create({ planId: f.neighbourPlan.id, ...shortageInput(f) }),
  ),
  "shortages.update": onNeighbourPlan((c, f) =>
    c.shortages.update({ id: f.neighbourItems.shortage.id, ...shortageInput(f) }),
  ),
  "shortages.setStatus": onNeighbourPlan((c, f) =>
    c.shortages.setStatus({ id: f.neighbourItems.shortage.id, status: "in_progress" }),
  ),
  "shortages.remove": onNeighbourPlan(async (c, f) =>
    c.shortages.remove({ id: (await f.items(f.neighbourPlan, f.neighbour)).shortage.id }),
  ),
  "evidence.list": readsNeighbour((c, f) => c.evidence.list({ planId: f.neighbourPlan.id })),
  "evidence.remove": onNeighbourPlan(async (c, f) =>
    c.evidence.remove({ id: (await f.evidenceOn(f.neighbourPlan)).id }),
  ),
  "criteria.sets": { run: (c) => c.criteria.sets(), expected: () => "ok" },
  // Roll-ups of the district: for those whose role reaches it, not for a commune looking up.
  "dashboard.periods": rollsUpDistrict((c, f) => c.dashboard.periods({ unitId: f.district.id })),
  "dashboard.criteria": rollsUpDistrict((c, f) =>
    c.dashboard.criteria({ unitId: f.district.id, period: "2025", setCode: f.criteriaSet.code }),
  ),
  "dashboard.units": rollsUpDistrict((c, f) =>
    c.dashboard.units({ unitId: f.district.id, period: "2025", setCode: f.criteriaSet.code, criteria: [1] }),
  ),
  "dashboard.budgetLines": rollsUpDistrict((c, f) =>
    c.dashboard.budgetLines({ unitId: f.district.id, year: 2025, source: "central_budget" }),
  ),
  "dashboard.trend": rollsUpDistrict((c, f) => c.dashboard.trend({ unitId: f.district.id })),
  "dashboard.planning": rollsUpDistrict((c, f) => c.dashboard.planning({ unitId: f.district.id, year: 2025 })),
  "dashboard.milestones": rollsUpDistrict((c, f) => c.dashboard.milestones({ unitId: f.district.id, year: 2025 })),
  "criteria.updateCriterion": adminOnly((c, f) =>
    c.criteria.updateCriterion({
      id: f.criteriaSet.criteria[0]!.id,
      name: "Quy hoạch",
      nameEn: "Planning",
      indicatorCount: 3,
    }),
  ),
  "criteria.addCriterion": adminOnly((c, f) =>
    c.criteria.addCriterion({
      setId: f.criteriaSet.id,
      name: "Tiêu chí bổ sung",
      nameEn: "Added criterion",
      indicatorCount: "",
    }),
  ),
  "criteria.unitStatus": readsNeighbour((c, f) => c.criteria.unitStatus({ unitId: f.neighbour.id })),
  "criteria.assess": onNeighbourPlan((c, f) =>
    c.criteria.assess({
      unitId: f.neighbour.id,
      criterionId: f.criteriaSet.criteria[0]!.id,
      period: "2025",
      result: "met",
      note: "",
      evidenceUrl: "",
    }),
  ),
  "criteria.setGroup": onNeighbourPlan((c, f) =>
    c.criteria.setGroup({ unitId: f.neighbour.id, setId: f.criteriaSet.id, group: 2 }),
  ),
  // Imports check rights before the file is read (whoever records no results anywhere is
  // FORBIDDEN), then row by row: the preview reports a row the user may not assess as an error
  // of that row ("not found" for a unit they cannot see), and a file with such a row is refused
  // as a whole (BAD_REQUEST, nothing written) unless the valid rows only are chosen.
  "imports.preview": {
    run: (c, f) => c.imports.preview(neighbourCriteriaFile(f)),
    expected: (role) => (author(role) ? "ok" : "FORBIDDEN"),
  },
  "imports.commit": {
    run: (c, f) => c.imports.commit(neighbourCriteriaFile(f)),
    expected: (role, level) => (!author(role) ? "FORBIDDEN" : level !== "commune" ? "ok" : "BAD_REQUEST"),
  },
};

/** Subscribes, publishes until the event arrives (the listener may still be connecting), and unsubscribes. */
async function firstLiveEvent(c: Caller, planId: string) {
  const events = (await c.live.plan({ planId }))[Symbol.asyncIterator]();
  const timer = setInterval(() => void publishPlanEvent(getDb(), { planId, topic: "comments" }), 50);
  try {
    const first = await events.next();
    expect(first.value).toEqual({ planId, topic: "comments" });
  } finally {
    clearInterval(timer);
    await events.return?.();
  }
}

async function firstOwnEvent(c: Caller) {
  const me = await c.me();
  const events = (await c.live.me())[Symbol.asyncIterator]();
  const timer = setInterval(() => void publishLiveEvent(getDb(), { userId: me.userId, topic: "notifications" }), 50);
  try {
    expect((await events.next()).value).toEqual({ userId: me.userId, topic: "notifications" });
  } finally {
    clearInterval(timer);
    await events.return?.();
  }
}

/** Second targets: things every level may read but only some may change. */
const ownUnitMatrix: typeof matrix = {
  "plans.get": { run: (c, f) => c.plans.get({ id: f.agencyPlan.id }), expected: () => "ok" },
  "plans.create": {
    run: (c, f) => c.plans.create(f.details(f.commune.id)),
    expected: (role) => (author(role) ? "ok" : "BAD_REQUEST"),
  },
  "plans.update": {
    run: (c, f) => c.plans.update({ id: f.approvedOwnPlan.id, details: f.details(f.commune.id) }),
    expected: () => "FORBIDDEN",
  },
  "units.children": { run: (c, f) => c.units.children({ id: f.district.id }), expected: () => "ok" },
  "documents.versions": { run: (c, f) => c.documents.versions({ planId: f.agencyPlan.id }), expected: () => "ok" },
  "documents.saveVersion": {
    run: (c, f) => c.documents.saveVersion({ planId: f.approvedOwnPlan.id, name: "Sau phê duyệt" }),
    expected: () => "FORBIDDEN",
  },
  // Approval comes from the level above: not a leader of the commune, nor one of the province.
  "workflow.approve": {
    run: async (c, f) => c.workflow.approve({ id: await f.freshPlan(f.commune, "submitted") }),
    expected: (role, level) => (reviewer(role) && level === "district" ? "ok" : "FORBIDDEN"),
  },
  "workflow.submit": {
    run: async (c, f) => c.workflow.submit({ id: await f.freshPlan(f.commune, "draft") }),
    expected: (role) => (author(role) ? "ok" : "FORBIDDEN"),
  },
  // An amendment of the commune's plan is the commune's draft: its authors abandon it, nobody else.
  "workflow.abandon": {
    run: async (c, f) => c.workflow.abandon({ id: await f.freshAmendment(f.commune) }),
    expected: (role) => (author(role) ? "ok" : "FORBIDDEN"),
  },
  // An approved plan is frozen: its content cannot change, but its authors keep tracking progress.
  "targets.create": {
    run: (c, f) => c.targets.create({ planId: f.approvedOwnPlan.id, ...targetInput }),
    expected: () => "FORBIDDEN",
  },
  "milestones.update": {
    run: (c, f) =>
      c.milestones.update({ id: f.approvedItems.milestone.id, ...milestoneInput(f), ownerUnitId: f.commune.id }),
    expected: () => "FORBIDDEN",
  },
  "budget.updateLine": {
    run: (c, f) => c.budget.updateLine({ id: f.approvedItems.line.id, ...lineInput }),
    expected: () => "FORBIDDEN",
  },
  "shortages.remove": {
    run: (c, f) => c.shortages.remove({ id: f.approvedItems.shortage.id }),
    expected: () => "FORBIDDEN",
  },
  "targets.recordMeasurement": {
    run: (c, f) =>
      c.targets.recordMeasurement({
        targetId: f.approvedItems.target.id,
        period: "2025",
        value: "18",
        source: "Kết quả rà soát hộ nghèo",
      }),
    expected: (role) => (author(role) ? "ok" : "FORBIDDEN"),
  },
  "milestones.setStatus": {
    run: (c, f) => c.milestones.setStatus({ id: f.approvedItems.milestone.id, status: "done" }),
    expected: (role) => (author(role) ? "ok" : "FORBIDDEN"),
  },
  "budget.addDisbursement": {
    run: (c, f) =>
      c.budget.addDisbursement({
        budgetLineId: f.approvedItems.line.id,
        amount: "1000",
        paidOn: "2025-05-02",
        note: "",
      }),
    expected: (role) => (author(role) ? "ok" : "FORBIDDEN"),
  },
  // Evidence of an approved plan's progress: its authors attach and delete it.
  "evidence.remove": {
    run: async (c, f) => c.evidence.remove({ id: (await f.evidenceOn(f.approvedOwnPlan)).id }),
    expected: (role) => (author(role) ? "ok" : "FORBIDDEN"),
  },
  "criteria.unitStatus": { run: (c, f) => c.criteria.unitStatus({ unitId: f.commune.id }), expected: () => "ok" },
  "criteria.assess": {
    run: (c, f) =>
      c.criteria.assess({
        unitId: f.commune.id,
        criterionId: f.criteriaSet.criteria[1]!.id,
        period: "2025-H1",
        result: "not_met",
        note: "",
        evidenceUrl: "",
      }),
    expected: (role) => (author(role) ? "ok" : "FORBIDDEN"),
  },
  // The unit tree is imported by admins only, wherever they sit ("units.import").
  "imports.preview": adminOnly((c, f) => c.imports.preview(schoolUnitFile(f))),
  "imports.commit": adminOnly((c, f) => c.imports.commit(schoolUnitFile(f))),
};

/** Mutations that change no shared record: a preview, and the reader's own unread marks. */
const UNAUDITED = new Set(["imports.preview", "notifications.markRead"]);
/** The matrix imports the same file for every role: after the first, every row is unchanged and nothing is written. */
const REPEATS_UNCHANGED = new Set(["imports.commit"]);
const procedureType = (path: string) =>
  (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path]!._def.type;

/** Runs a call of the matrix and notes, when it succeeds, whether its actor gained an audit event. */
async function audited(actor: Actor, audits: boolean[], run: () => Promise<Outcome>): Promise<Outcome> {
  const count = () => getDb().auditEvent.count({ where: { actorId: actor.userId } });
  const before = await count();
  const result = await run();
  if (result === "ok") audits.push((await count()) > before);
  return result;
}

/** A call's outcome: "ok", or the refusal's code, through tRPC or straight from the domain. */
async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    await run();
    return "ok";
  } catch (error) {
    const code = error instanceof TRPCError || error instanceof DomainError ? error.code : undefined;
    if (code && ["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"].includes(code)) return code as Outcome;
    throw error;
  }
}

/** One actor per role and level of the fixtures' tree ("planner@commune"). */
async function matrixActors(f: Fixtures) {
  const actors = new Map<string, Actor>();
  const at = { province: f.province, district: f.district, commune: f.commune };
  for (const role of ROLES)
    for (const level of LEVELS) actors.set(`${role}@${level}`, await buildActor(getDb(), role, [at[level]]));
  return actors;
}

describe("authorization matrix", () => {
  let f: Fixtures;
  let actors: Map<string, Actor>;

  beforeAll(async () => {
    f = await buildFixtures();
    actors = await matrixActors(f);
  });

  it("covers every procedure of the API", () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(Object.keys(matrix).sort()).toEqual(procedures);
  });

  for (const [path, entry] of Object.entries(matrix)) {
    it(`${path}: every role at every level gets what the policy says`, async () => {
      const audits: boolean[] = [];
      for (const role of ROLES) {
        for (const level of LEVELS) {
          const actor = actors.get(`${role}@${level}`)!;
          const caller = createCaller({ db: getDb(), actor });
          expect(await audited(actor, audits, () => outcome(() => entry.run(caller, f))), `${role} at ${level}`).toBe(
            entry.expected(role, level),
          );
          const own = ownUnitMatrix[path];
          if (own)
            expect(
              await audited(actor, audits, () => outcome(() => own.run(caller, f))),
              `${role} at ${level} (own unit)`,
            ).toBe(own.expected(role, level));
        }
      }
      // Every successful change is audited; a repeated import changes nothing, so only its first run must be.
      if (procedureType(path) === "mutation" && !UNAUDITED.has(path)) {
        expect(
          REPEATS_UNCHANGED.has(path) ? audits.some(Boolean) : audits.every(Boolean),
          `${path} writes an audit event: ${audits}`,
        ).toBe(true);
      }
    });
  }

  it("refuses every procedure to a signed-out caller", async () => {
    const caller = createCaller({ db: getDb(), actor: null });
    for (const [path, entry] of Object.entries(matrix)) {
      await expect(entry.run(caller, f), path).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
  });

  it("lists exactly the plans that can() allows", async () => {
    for (const level of LEVELS) {
      const caller = createCaller({ db: getDb(), actor: actors.get(`planner@${level}`)! });
      // Every page: the matrix's workflow runs have added many plans by now.
      const ids = new Set<string>();
      for (let page = 1; ; page++) {
        const { items } = await caller.plans.list({ unitId: f.province.id, pageSize: 100, page });
        for (const item of items) ids.add(item.id);
        if (items.length < 100) break;
      }
      expect(ids.has(f.ownPlan.id), level).toBe(true);
      expect(ids.has(f.agencyPlan.id), level).toBe(true);
      expect(ids.has(f.neighbourPlan.id), level).toBe(level !== "commune");
    }
  });
});

/**
 * Operations served by route handlers (uploads and downloads carry files, not JSON): the domain
 * functions those routes call, under the same role × level grid. A file is a PDF by content.
 */
const scan = () => ({ name: "ban-ky.pdf", bytes: pdf() });
const issueInput = () => ({
  number: String(Math.floor(Math.random() * 900_000) + 100),
  symbol: "KH-UBND",
  issuedOn: new Date("2025-03-12T00:00:00Z"),
});
const routeMatrix: Record<
  string,
  { run: (db: Db, actor: Actor, f: Fixtures) => Promise<unknown>; expected: (role: Role, level: Level) => Outcome }[]
> = {
  "POST /api/evidence": [
    {
      run: (db, actor, f) =>
        attachEvidence(db, actor, { type: "milestone", id: f.neighbourItems.milestone.id }, scan()),
      expected: (role, level) => (level === "commune" ? "NOT_FOUND" : author(role) ? "ok" : "FORBIDDEN"),
    },
    {
      run: (db, actor, f) => attachEvidence(db, actor, { type: "plan", id: f.approvedOwnPlan.id }, scan()),
      expected: (role) => (author(role) ? "ok" : "FORBIDDEN"),
    },
  ],
  "GET /api/evidence/[id]": [
    {
      run: (db, actor, f) => readEvidence(db, actor, f.neighbourEvidence.id, "file"),
      expected: (_, level) => (level === "commune" ? "NOT_FOUND" : "ok"),
    },
  ],
  // Issued by the authors at or above the issuing unit, or a leader of that unit: not by a leader above.
  "POST /api/plans/[id]/issue": [
    {
      run: async (db, actor, f) =>
        issuePlan(db, actor, await f.freshPlan(f.neighbour, "approved"), issueInput(), scan()),
      expected: (role, level) => (level === "commune" ? "NOT_FOUND" : author(role) ? "ok" : "FORBIDDEN"),
    },
    {
      run: async (db, actor, f) => issuePlan(db, actor, await f.freshPlan(f.commune, "approved"), issueInput(), scan()),
      expected: (role, level) => (author(role) || (role === "leader" && level === "commune") ? "ok" : "FORBIDDEN"),
    },
  ],
};

describe("authorization matrix of the file routes", () => {
  let f: Fixtures;
  let actors: Map<string, Actor>;

  beforeAll(async () => {
    f = await buildFixtures();
    actors = await matrixActors(f);
  });

  for (const [route, cases] of Object.entries(routeMatrix)) {
    it(`${route}: every role at every level gets what the policy says`, async () => {
      for (const [i, entry] of cases.entries())
        for (const role of ROLES)
          for (const level of LEVELS) {
            const actor = actors.get(`${role}@${level}`)!;
            expect(await outcome(() => entry.run(getDb(), actor, f)), `${role} at ${level} (case ${i + 1})`).toBe(
              entry.expected(role, level),
            );
          }
    });
  }
});
