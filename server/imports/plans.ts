import { REFERENCE_PATTERN } from "../plans/reference";
import type { Db } from "../db/client";
import type { PlanStatus, UnitLevel } from "../db/generated/client";
import { planScopeWhere } from "../planning/plan-scope";
import type { PlanRight } from "../commands/change-plans";
import { can, viewablePlansWhere } from "../policies";
import type { Actor } from "../policies/actor";
import type { ColumnSpec } from "./columns";
import type { ImportIssue, ImportOptions } from "./types";
import { chunks, loadUnitsByCode } from "./rows";

/**
 * What the shortage and disbursement imports share: rows name their plan by its official
 * number and symbol with the issuing unit's code (a number is unique per issuing unit only),
 * and a plan changes under the same rights and locks as through the forms
 * (server/commands/change-plans.ts).
 */

export const PLAN_COLUMNS: ColumnSpec<"plan" | "planUnit">[] = [
  // "Số, ký hiệu" is the official term; the heading leaves out its comma, which a hand-made CSV would not quote.
  {
    key: "plan",
    heading: "Số ký hiệu kế hoạch",
    aliases: ["Số, ký hiệu", "Số ký hiệu", "Số hiệu kế hoạch", "Kế hoạch", "plan", "plan reference"],
    required: false,
  },
  {
    key: "planUnit",
    heading: "Mã đơn vị ban hành",
    aliases: ["Đơn vị ban hành", "plan_unit", "plan unit", "issuing unit"],
    required: false,
  },
];

export interface PlanRef {
  unitCode: string;
  number: string;
  symbol: string;
  /** "2543/KH-SGDĐT", as the preview names the row. */
  label: string;
}

export type ImportPlan = {
  id: string;
  status: PlanStatus;
  issuingUnit: { path: string; level: UnitLevel; code: string };
};

/** "2543/kh-sgdđt" and the issuing unit's code → the plan's reference, or null when it is not one. */
export function parsePlanRef(reference: string, unitCode: string): PlanRef | null {
  const match = REFERENCE_PATTERN.exec(reference.normalize("NFC").toUpperCase());
  if (!match) return null;
  return { unitCode, number: match[1]!, symbol: match[2]!, label: `${match[1]}/${match[2]}` };
}

/**
 * The plan an annex belongs to, chosen on the page or with `--plan` instead of plan columns
 * on every row: by its number and symbol, and its issuing unit when two units issued the same
 * number. Null when none was chosen; an issue when it names no plan (or several).
 */
export async function chosenPlan(
  db: Db,
  actor: Actor,
  options: Pick<ImportOptions, "planReference" | "planUnitCode">,
): Promise<{ ref: PlanRef | null } | { issue: ImportIssue }> {
  const reference = options.planReference?.trim();
  if (!reference) return { ref: null };
  const issue = (message: string, params?: ImportIssue["params"]) => ({
    issue: { row: null, column: null, message, params },
  });
  const ref = parsePlanRef(reference, options.planUnitCode?.trim() ?? "");
  if (!ref) return issue("imports.errors.planReference", { plan: reference });
  if (ref.unitCode) return { ref };
  const plans = await db.plan.findMany({
    where: { AND: [{ number: ref.number, symbol: ref.symbol }, viewablePlansWhere(actor)] },
    select: { issuingUnit: { select: { code: true } } },
    take: 5,
  });
  if (!plans.length) return issue("imports.errors.planNotFound", { plan: ref.label });
  if (plans.length > 1)
    return issue("imports.errors.planAmbiguous", {
      plan: ref.label,
      units: plans.map((p) => p.issuingUnit.code).join(", "),
    });
  return { ref: { ...ref, unitCode: plans[0]!.issuingUnit.code } };
}

/**
 * Each row's plan: the chosen one, or the row's own plan columns. A chosen plan wins; a row
 * that names another plan in its columns is refused rather than moved to the chosen one.
 */
export function rowPlan(
  chosen: PlanRef | null,
  reference: string,
  unitCode: string,
): { ref: PlanRef | null; issues: { column: "plan" | "planUnit"; message: string }[] } {
  if (chosen) {
    const own = reference ? parsePlanRef(reference, unitCode || chosen.unitCode) : null;
    const differs = reference && (!own || own.label !== chosen.label || (unitCode && unitCode !== chosen.unitCode));
    return { ref: chosen, issues: differs ? [{ column: "plan", message: "imports.errors.planDiffers" }] : [] };
  }
  const ref = parsePlanRef(reference, unitCode);
  const issues: { column: "plan" | "planUnit"; message: string }[] = [];
  if (!reference) issues.push({ column: "plan", message: "validation.required" });
  else if (!ref) issues.push({ column: "plan", message: "validation.reference" });
  if (!unitCode) issues.push({ column: "planUnit", message: "validation.required" });
  return { ref, issues };
}

/** The plans a file names, loaded at once and found by reference. */
export async function loadPlans(db: Db, refs: PlanRef[]) {
  const findUnit = await loadUnitsByCode(
    db,
    refs.map((r) => r.unitCode),
  );
  const unitIds = [...new Set(refs.flatMap((r) => findUnit(r.unitCode)?.id ?? []))];
  const plans = await db.plan.findMany({
    where: { issuingUnitId: { in: unitIds }, number: { in: [...new Set(refs.map((r) => r.number))] } },
    select: {
      id: true,
      number: true,
      symbol: true,
      status: true,
      issuingUnit: { select: { path: true, level: true, code: true } },
    },
  });
  const byKey = new Map(
    plans.map(({ number, symbol, ...plan }) => [`${plan.issuingUnit.code}|${number}|${symbol}`, plan]),
  );
  return (ref: PlanRef): ImportPlan | undefined => {
    const unit = findUnit(ref.unitCode);
    return unit && byKey.get(`${unit.code}|${ref.number}|${ref.symbol}`);
  };
}

/**
 * Why the actor may not change the plan this way, as a message key, or null if they may. A
 * plan they may not see reads as unknown; one they could change in another status says so.
 */
export function planRightIssue(actor: Actor, plan: ImportPlan | undefined, right: PlanRight): string | null {
  if (!plan || !can(actor, "plan.view", plan)) return "imports.errors.planUnknown";
  if (can(actor, right, plan)) return null;
  if (can(actor, right, { ...plan, status: "draft" }))
    return right === "plan.update" ? "imports.errors.planLocked" : "imports.errors.planUnderReview";
  return "imports.errors.planNotAllowed";
}

/** Of the given units, those a plan's records may point at (its issuing unit's scope), for each plan. */
export async function unitsInScope(
  db: Db,
  pairs: { plan: ImportPlan; unitId: string }[],
): Promise<(plan: ImportPlan, unitId: string) => boolean> {
  const inScope = new Set<string>();
  const byPlan = new Map<string, { plan: ImportPlan; unitIds: Set<string> }>();
  for (const { plan, unitId } of pairs) {
    const entry = byPlan.get(plan.id) ?? { plan, unitIds: new Set<string>() };
    entry.unitIds.add(unitId);
    byPlan.set(plan.id, entry);
  }
  for (const { plan, unitIds } of byPlan.values()) {
    for (const slice of chunks([...unitIds])) {
      const units = await db.orgUnit.findMany({
        where: { AND: [planScopeWhere(plan.issuingUnit), { id: { in: slice } }] },
        select: { id: true },
      });
      for (const unit of units) inScope.add(`${plan.id}:${unit.id}`);
    }
  }
  return (plan, unitId) => inScope.has(`${plan.id}:${unitId}`);
}
