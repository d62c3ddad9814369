import { IMPORT_KINDS, type ImportKind } from "@/lib/domain/imports";
import type { PlanStatus, Prisma, Role, UnitLevel } from "../db/generated/client";
import { EDITABLE_STATUSES, IN_FORCE_STATUS, PUBLISHED_STATUSES, TRACKABLE_STATUSES } from "../approvals/workflow";
import { forbidden } from "../errors";
import type { Actor } from "./actor";
import { isWithin, parentPath, pathAndAncestors } from "./tree";

/**
 * The one place where rights are decided. tRPC procedures, the collaboration socket and the
 * CLI all ask `can()` (or use the matching `…Where` filters for lists, which must agree
 * with it; the authorization matrix test checks both).
 *
 * Rules:
 * - Rights flow down the unit tree: any role held at a unit reaches every unit beneath it.
 * - Plans "from above" are readable once approved: those issued by a unit on the actor's
 *   ancestor chain or by a sector department (agency) attached to one of those units. Before
 *   that they are the level's working drafts: the departments of that level see them (a
 *   department sees its unit's drafts and the other departments'), the units beneath do not.
 *   An amendment is such a draft until approved; the plan it amends stays in force and
 *   readable meanwhile, and stays readable once superseded.
 * - Planners and admins create and edit plans of units beneath them; a plan can be edited
 *   only while it is a draft or has been returned.
 * - Whoever may read a plan may comment on it.
 * - Approval goes level by level: a submitted plan waits for the unit it was submitted to, the
 *   nearest one above the issuing unit that has a leader or admin (server/approvals/reviewing-unit.ts).
 *   A leader or admin of that unit returns or approves it, never one who submitted it; higher
 *   levels see it but do not step in (they act through the level below, or by returning it
 *   after it is approved there and amended).
 * - An approved plan is amended by its authors (a new draft beside it); an amendment not yet
 *   submitted, or returned, may be abandoned by them, which leaves the plan in force as it was.
 * - While they may review it, those reviewers may suggest changes in its document (marked
 *   insertions and deletions in their name) but not edit it; the authors accept or reject them.
 * - A plan's structured content (targets, milestones, allocations, shortages) changes with the
 *   plan ("plan.update"); its progress (measurements, milestone status, disbursements, shortage
 *   status) is tracked by its authors also after approval, but not while it is under review.
 * - Criteria sets are national data, managed by admins; planners record the assessments of
 *   units beneath them; roll-ups of a unit are for those whose role reaches it.
 * - Accounts are managed by admins: an admin creates, resets or disables a user only if every
 *   unit where that user holds (or will hold) a role is beneath them.
 * - The unit tree itself (codes, names, parents) is imported by admins only, like the criteria sets.
 * - Evidence (minutes, acceptance records, photos) is attached to a plan, its milestones,
 *   shortages and disbursements, and deleted, by whoever records its progress ("plan.track");
 *   whoever may read the plan may download it, and to anyone else it does not exist.
 * - An approved plan is issued (its official number and date entered and the signed copy
 *   attached) by the office that drafted it, its authors at or above the issuing unit, or by a
 *   leader of the issuing unit itself, who signs it; never by a stakeholder, nor by a leader
 *   above, who reviews plans but does not issue another unit's documents.
 * - A file of criteria results, shortages or disbursements may be sent by whoever records such
 *   things somewhere (planners, admins); its rows are then judged one by one by the rules above.
 *   Others are refused before their file is read.
 */

export type UnitResource = { path: string; level: UnitLevel };
export type PlanResource = { status: PlanStatus; issuingUnit: UnitResource };
/** An amendment knows the plan it amends (null for a plan that amends none). */
export type AmendmentResource = PlanResource & { amendsId: string | null };
/** For review: who submitted the plan (nobody approves their own submission) and to which unit. */
export type SubmittedPlanResource = PlanResource & {
  submittedById: string | null;
  reviewUnit: { path: string } | null;
};

type Rules = {
  "unit.view": UnitResource;
  "plan.create": UnitResource;
  "plan.view": PlanResource;
  "plan.update": PlanResource;
  "plan.submit": PlanResource;
  "plan.review": SubmittedPlanResource;
  "plan.suggest": SubmittedPlanResource;
  "plan.amend": PlanResource;
  "plan.abandon": AmendmentResource;
  "plan.comment": PlanResource;
  "plan.track": PlanResource;
  "plan.issue": PlanResource;
  "evidence.manage": PlanResource;
  "comment.moderate": { authorId: string; plan: PlanResource };
  "criteria.manage": null;
  "units.import": null;
  "imports.start": { kind: "units" | "criteria" | "shortages" | "disbursements" };
  "users.manage": { units: UnitResource[] };
  "unit.assess": UnitResource;
  "unit.rollup": UnitResource;
};
export type Action = keyof Rules;

const AUTHORS: readonly Role[] = ["planner", "admin"];
/** Roles that review plans submitted to their unit. */
export const REVIEWERS: readonly Role[] = ["leader", "admin"];

const reachesDown = (actor: Actor, unit: UnitResource, roles?: readonly Role[]) =>
  actor.memberships.some((m) => (!roles || roles.includes(m.role)) && isWithin(unit.path, m.unitPath));

/** The unit is on an actor's ancestor chain, or is a department attached to a unit on it. */
const isAbove = (actor: Actor, unit: UnitResource) =>
  actor.memberships.some(
    (m) => isWithin(m.unitPath, unit.path) || (unit.level === "agency" && isWithin(m.unitPath, parentPath(unit.path))),
  );

/** The parents of the departments where the actor works: the levels whose drafts they share. */
const departmentLevels = (actor: Actor) =>
  actor.memberships.filter((m) => m.unitLevel === "agency").map((m) => parentPath(m.unitPath));

/** The unit is, or is a department of, a level where the actor works in a department. */
const isOwnLevel = (actor: Actor, unit: UnitResource) =>
  departmentLevels(actor).includes(unit.level === "agency" ? parentPath(unit.path) : unit.path);

/** Paths of the units where the actor reviews plans. */
const reviewingPaths = (actor: Actor) =>
  actor.memberships.filter((m) => REVIEWERS.includes(m.role)).map((m) => m.unitPath);

const rules: { [A in Action]: (actor: Actor, resource: Rules[A]) => boolean } = {
  "unit.view": (actor, unit) =>
    reachesDown(actor, unit) || actor.memberships.some((m) => isWithin(m.unitPath, unit.path)),
  "plan.create": (actor, unit) => reachesDown(actor, unit, AUTHORS),
  "plan.view": (actor, plan) =>
    reachesDown(actor, plan.issuingUnit) ||
    isOwnLevel(actor, plan.issuingUnit) ||
    (PUBLISHED_STATUSES.includes(plan.status) && isAbove(actor, plan.issuingUnit)),
  "plan.update": (actor, plan) =>
    EDITABLE_STATUSES.includes(plan.status) && reachesDown(actor, plan.issuingUnit, AUTHORS),
  "plan.submit": (actor, plan) =>
    EDITABLE_STATUSES.includes(plan.status) && reachesDown(actor, plan.issuingUnit, AUTHORS),
  "plan.review": (actor, plan) =>
    plan.status === "submitted" &&
    plan.submittedById !== actor.userId &&
    plan.reviewUnit !== null &&
    reviewingPaths(actor).includes(plan.reviewUnit.path),
  // A reviewer marks what should change instead of changing it: the same people, at the same time.
  "plan.suggest": (actor, plan) => rules["plan.review"](actor, plan),
  "plan.amend": (actor, plan) => plan.status === IN_FORCE_STATUS && reachesDown(actor, plan.issuingUnit, AUTHORS),
  // Only an amendment, and only while its authors hold it: once submitted, the reviewers decide.
  "plan.abandon": (actor, plan) =>
    plan.amendsId !== null && EDITABLE_STATUSES.includes(plan.status) && reachesDown(actor, plan.issuingUnit, AUTHORS),
  // Whoever may read a plan may discuss it, stakeholders included, whatever its status.
  "plan.comment": (actor, plan) => rules["plan.view"](actor, plan),
  // A thread is resolved or reopened by its author or by anyone but a stakeholder who reaches the plan's unit.
  "comment.moderate": (actor, { authorId, plan }) =>
    authorId === actor.userId || reachesDown(actor, plan.issuingUnit, ["planner", "leader", "admin"]),
  "plan.track": (actor, plan) =>
    TRACKABLE_STATUSES.includes(plan.status) && reachesDown(actor, plan.issuingUnit, AUTHORS),
  "plan.issue": (actor, plan) =>
    plan.status === IN_FORCE_STATUS &&
    (reachesDown(actor, plan.issuingUnit, AUTHORS) ||
      actor.memberships.some((m) => m.role === "leader" && m.unitPath === plan.issuingUnit.path)),
  // Evidence records progress: attached and removed whenever progress is tracked.
  "evidence.manage": (actor, plan) => rules["plan.track"](actor, plan),
  "criteria.manage": (actor) => actor.memberships.some((m) => m.role === "admin"),
  "units.import": (actor) => actor.memberships.some((m) => m.role === "admin"),
  "imports.start": (actor, { kind }) =>
    kind === "units" ? rules["units.import"](actor, null) : actor.memberships.some((m) => AUTHORS.includes(m.role)),
  "users.manage": (actor, { units }) =>
    actor.memberships.some((m) => m.role === "admin") && units.every((unit) => reachesDown(actor, unit, ["admin"])),
  "unit.assess": (actor, unit) => reachesDown(actor, unit, AUTHORS),
  // Roll-ups name the units beneath: only those who reach them see them, not a commune looking up.
  "unit.rollup": (actor, unit) => reachesDown(actor, unit),
};

export function can<A extends Action>(actor: Actor, action: A, resource: Rules[A]): boolean {
  return rules[action](actor, resource);
}

/** What the actor may import: the import page offers these, and the menu links to it only if there are any. */
export const importKindsFor = (actor: Actor): ImportKind[] =>
  IMPORT_KINDS.filter((kind) => can(actor, "imports.start", { kind }));

/** Throws FORBIDDEN unless `can()`; callers check visibility first so that hidden things are NOT_FOUND. */
export function authorize<A extends Action>(actor: Actor, action: A, resource: Rules[A]): void {
  if (!can(actor, action, resource)) throw forbidden();
}

const ancestorPaths = (actor: Actor) => [...new Set(actor.memberships.flatMap((m) => pathAndAncestors(m.unitPath)))];

/** Units the actor may view, as a Prisma filter (same rule as "unit.view"). */
export function viewableUnitsWhere(actor: Actor): Prisma.OrgUnitWhereInput {
  return {
    OR: [
      ...actor.memberships.map((m) => ({ path: { startsWith: m.unitPath } })),
      { path: { in: ancestorPaths(actor) } },
    ],
  };
}

/** Units where the actor may create plans (same rule as "plan.create"). */
export function authorableUnitsWhere(actor: Actor): Prisma.OrgUnitWhereInput {
  const authoring = actor.memberships.filter((m) => AUTHORS.includes(m.role));
  return { OR: authoring.length ? authoring.map((m) => ({ path: { startsWith: m.unitPath } })) : [{ id: { in: [] } }] };
}

/**
 * Plans the actor may view, as a Prisma filter (same rule as "plan.view"). One filter on the
 * issuing unit for any status (and a second for plans from above, which count once approved),
 * so that PostgreSQL joins the unit once rather than once per alternative, and without the
 * alternatives a subtree already covers (a province leader's filter is then one prefix match):
 * every plan list and its count pay for this filter on each row they scan.
 */
export function viewablePlansWhere(actor: Actor): Prisma.PlanWhereInput {
  const subtrees = [...new Set(actor.memberships.map((m) => m.unitPath))];
  const tops = subtrees.filter((p) => !subtrees.some((other) => other !== p && isWithin(p, other)));
  const above = ancestorPaths(actor).filter((p) => !tops.some((top) => isWithin(p, top)));
  const levels = [...new Set(departmentLevels(actor))];
  const unitOrDepartmentOf = (paths: string[]): Prisma.OrgUnitWhereInput[] =>
    paths.length ? [{ path: { in: paths } }, { level: "agency", parent: { path: { in: paths } } }] : [];
  const anyStatus = [...tops.map((top) => ({ path: { startsWith: top } })), ...unitOrDepartmentOf(levels)];
  const publishedOnly = unitOrDepartmentOf(above);
  const seen: Prisma.PlanWhereInput[] = [
    ...(anyStatus.length ? [{ issuingUnit: { OR: anyStatus } }] : []),
    ...(publishedOnly.length ? [{ status: { in: [...PUBLISHED_STATUSES] }, issuingUnit: { OR: publishedOnly } }] : []),
  ];
  return seen.length === 1 ? seen[0]! : { OR: seen.length ? seen : [{ id: { in: [] } }] };
}

/**
 * The users who may view the plan, as a Prisma filter: the rule of "plan.view" read from the
 * user's side (a role at the issuing unit or above it; a department of the same level; once in
 * force, any unit beneath the issuing one, or beneath the level of an issuing department).
 * Mentions notify, and the mention lookup offers, only these users (server/plans/plan-viewers.ts).
 */
export function planViewersWhere(plan: PlanResource): Prisma.UserWhereInput {
  const unit = plan.issuingUnit;
  const level = unit.level === "agency" ? parentPath(unit.path) : unit.path;
  const units: Prisma.OrgUnitWhereInput[] = [
    { path: { in: pathAndAncestors(unit.path) } },
    { level: "agency", parent: { path: level } },
    ...(plan.status === IN_FORCE_STATUS
      ? [{ path: { startsWith: unit.path } }, ...(unit.level === "agency" ? [{ path: { startsWith: level } }] : [])]
      : []),
  ];
  return { memberships: { some: { unit: { OR: units } } } };
}

/** Submitted plans the actor may review (same rule as "plan.review"). */
export function awaitingReviewWhere(actor: Actor): Prisma.PlanWhereInput {
  const units = actor.memberships.filter((m) => REVIEWERS.includes(m.role)).map((m) => m.unitId);
  return {
    status: "submitted",
    reviewUnitId: { in: units },
    OR: [{ submittedById: null }, { submittedById: { not: actor.userId } }],
  };
}
