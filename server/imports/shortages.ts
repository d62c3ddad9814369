import type { ShortageCategory } from "../db/generated/client";
import { can } from "../policies";
import { normalizeDecimal, shortageFields } from "../planning/schemas";
import { insertMany } from "../db/bulk-insert";
import { normalizeText } from "./columns";
import { readTable } from "./find-table";
import {
  describeShortage,
  parseCategory,
  readValues,
  SHORTAGE_COLUMNS,
  type ShortageKey,
  type ShortageValues,
} from "./shortage-columns";
import { moneyUnitOf, parseMoney, tableMoneyUnit } from "./money";
import { chosenPlan, type ImportPlan, loadPlans, planRightIssue, rowPlan, unitsInScope } from "./plans";
import { chunks, flagDuplicates, type KnownUnit, loadUnitsByCode, RowCheck } from "./rows";
import { checkTotals } from "./totals";
import type { Importer } from "./types";
import { unitsByName } from "./unit-names";

/**
 * Shortages a plan records: one row per shortage, found again by plan, unit, category and
 * detail, so that importing a corrected file updates the counts and costs instead of adding
 * shortages twice. The plan comes from the page (an annex of one plan) or from plan columns.
 * An empty cell keeps what is stored; "xóa" clears the cost. Status, milestones and funding
 * links are left to the plan's pages.
 */

export { parseCategory, SHORTAGE_COLUMNS } from "./shortage-columns";
type Key = ShortageKey;
type Values = ShortageValues;

export type ShortageChange =
  | {
      op: "create";
      plan: ImportPlan;
      data: {
        planId: string;
        unitId: string;
        category: ShortageCategory;
        description: string;
        quantity: number;
        unitLabel: string;
        estimatedCost: bigint | null;
      };
    }
  /** Only the fields the file gives: an empty cell is left out and keeps the stored value. */
  | { op: "update"; plan: ImportPlan; id: string; before: Values; after: Values };

export const shortagesImporter: Importer<ShortageChange> = {
  async check(db, actor, book, options) {
    const targets = SHORTAGE_COLUMNS.map((s) => ({ key: s.key, label: s.heading }));
    const vocabulary = { specs: SHORTAGE_COLUMNS, oneOf: [["unit", "unitName"]] as [Key, Key][], targets };
    const table = readTable(book, vocabulary, options, ["unit"], (c) =>
      c.has("estimatedCost") ? ["estimatedCost", "quantity"] : ["quantity"],
    );
    if (!table.ok) return { ...table, rows: [] };
    const { columns, kinds, layout } = table;
    const h = (key: Key) => columns.heading(key);
    const chosen = await chosenPlan(db, actor, options);
    if ("issue" in chosen) return { fileIssues: [chosen.issue], warnings: table.warnings, rows: [], layout };
    if (!chosen.ref && !columns.has("plan"))
      return { fileIssues: [planMissing], warnings: table.warnings, rows: [], layout };
    const unit =
      moneyUnitOf(columns.fullHeading("estimatedCost")) ??
      tableMoneyUnit(table.above.map((r) => r.cells.join(" "))) ??
      1n;

    const parsed = kinds.data.map(({ row, cells }) => {
      const value = (key: Key) => columns.value(cells, key);
      const check = new RowCheck<ShortageChange>(row, "");
      const { ref, issues } = rowPlan(chosen.ref, value("plan"), value("planUnit"));
      for (const issue of issues) check.error(h(issue.column), issue.message);
      check.key = `${ref?.label ?? value("plan")} · ${value("unit") || value("unitName")}`;
      if (!value("unit") && !value("unitName"))
        check.error(h(columns.has("unit") ? "unit" : "unitName"), "validation.required");
      const category = parseCategory(value("category"));
      if (!value("category")) check.error(h("category"), "validation.required");
      else if (!category) check.error(h("category"), "imports.errors.badCategory", { value: value("category") });
      const description = shortageFields.shape.description.safeParse(value("description"));
      if (!description.success) check.error(h("description"), "validation.tooLong");
      const given = readValues(value, h, check, unit);
      return {
        check,
        ref,
        unitCode: value("unit"),
        unitName: value("unitName"),
        category,
        description: description.data ?? "",
        given,
      };
    });

    const findPlan = await loadPlans(
      db,
      parsed.flatMap((p) => p.ref ?? []),
    );
    const byCode = await loadUnitsByCode(
      db,
      parsed.map((p) => p.unitCode),
    );
    const byName = parsed.some((p) => !p.unitCode && p.unitName) ? await unitsByName(db, actor) : null;
    const units = parsed.map((p): KnownUnit | undefined => {
      if (p.unitCode) return byCode(p.unitCode);
      if (!p.unitName || !byName) return undefined;
      const lookup = byName(p.unitName, null);
      if ("unit" in lookup) return lookup.unit;
      p.check.error(h("unitName"), lookup.issue, { name: p.unitName, candidates: lookup.candidates });
      return undefined;
    });
    // The upsert key, judged on what the codes resolve to ("3180" and "03180" are one commune).
    const keyOf = (p: (typeof parsed)[number], i: number) =>
      p.ref && p.category
        ? [
            findPlan(p.ref)?.id ?? p.ref.label,
            units[i]?.id ?? (p.unitCode || p.unitName),
            p.category,
            p.description,
          ].join("|")
        : null;
    const keyed = parsed.map((p, i) => ({ p, key: keyOf(p, i) }));
    flagDuplicates(
      keyed,
      (k) => k.key,
      (k) => k.p.check,
      h("description"),
    );
    const resolved = parsed.map((p, i) => {
      const plan = p.ref ? findPlan(p.ref) : undefined;
      const unit = units[i];
      if (p.ref) {
        const issue = planRightIssue(actor, plan, "plan.update");
        if (issue) p.check.error(h("plan"), issue, { plan: p.ref.label, unit: p.ref.unitCode });
      }
      if (p.unitCode && (!unit || !can(actor, "unit.view", unit)))
        p.check.error(h("unit"), "imports.errors.unitUnknown", { code: p.unitCode });
      return { ...p, plan, unit };
    });
    const ready = resolved.flatMap((r) =>
      r.plan && r.unit && r.category ? [{ ...r, plan: r.plan, unit: r.unit, category: r.category }] : [],
    );
    const inScope = await unitsInScope(
      db,
      ready.map((r) => ({ plan: r.plan, unitId: r.unit.id })),
    );
    const existing = await db.shortage.findMany({
      where: { planId: { in: [...new Set(ready.map((r) => r.plan.id))] } },
      select: {
        id: true,
        planId: true,
        unitId: true,
        category: true,
        description: true,
        quantity: true,
        unitLabel: true,
        estimatedCost: true,
      },
    });
    const byKey = new Map<string, typeof existing>();
    for (const s of existing) {
      const key = [s.planId, s.unitId, s.category, normalizeText(s.description)].join("|");
      byKey.set(key, [...(byKey.get(key) ?? []), s]);
    }
    const matchOf = (r: (typeof ready)[number]) =>
      byKey.get([r.plan.id, r.unit.id, r.category, r.description].join("|")) ?? [];
    // A row that matches no stored shortage creates one, and so needs every value a new one has.
    const updating = new Set(ready.filter((r) => matchOf(r).length).map((r) => r.check));
    for (const { check, given } of parsed)
      if (!updating.has(check)) {
        if (!check.issues.some((i) => i.column === h("quantity")) && given.quantity === undefined)
          check.error(h("quantity"), "validation.quantity");
        if (!check.issues.some((i) => i.column === h("unitLabel")) && given.unitLabel === undefined)
          check.error(h("unitLabel"), "validation.required");
      }
    for (const r of ready) {
      const { check, plan, unit, given } = r;
      if (!check.ok) continue;
      if (!inScope(plan, unit.id)) {
        check.error(h(r.unitCode ? "unit" : "unitName"), "validation.unitOutOfScope");
        continue;
      }
      const matches = matchOf(r);
      // Two shortages recorded alike on the plan's pages: which one the row corrects is not for the import to guess.
      if (matches.length > 1) check.error(h("description"), "imports.errors.shortageAmbiguous");
      else if (!matches[0]) {
        const data = {
          planId: plan.id,
          unitId: unit.id,
          category: r.category,
          description: r.description,
          quantity: given.quantity!,
          unitLabel: given.unitLabel!,
          estimatedCost: given.estimatedCost ?? null,
        };
        check.changes.push({ op: "create", plan, data });
        check.describe = () => describeShortage(h, {}, data);
      } else {
        const stored = matches[0];
        const after: Values = {};
        const before: Values = {};
        for (const field of ["quantity", "unitLabel", "estimatedCost"] as const)
          if (given[field] !== undefined && given[field] !== stored[field]) {
            (after as Record<string, unknown>)[field] = given[field];
            (before as Record<string, unknown>)[field] = stored[field];
          }
        if (!Object.keys(after).length) {
          check.unchanged++;
          continue;
        }
        check.changes.push({ op: "update", plan, id: stored.id, before, after });
        check.describe = () => describeShortage(h, before, after);
        // Less money than stored, or none: the user confirms it before the import.
        if (
          after.estimatedCost !== undefined &&
          stored.estimatedCost !== null &&
          (after.estimatedCost === null || after.estimatedCost < stored.estimatedCost)
        )
          check.lowersMoney = true;
      }
    }
    const figures = (["estimatedCost", "quantity"] as const)
      .filter((k) => columns.has(k))
      .map((key) => {
        const read = (cell: string) =>
          key === "estimatedCost"
            ? parseMoney(cell, unit)
            : /^\d+$/.test(normalizeDecimal(cell.trim()))
              ? BigInt(normalizeDecimal(cell.trim()))
              : null;
        return { index: columns.indexOf(key)!, heading: h(key), ofRow: read, stated: read };
      });
    return {
      fileIssues: [],
      warnings: [...table.warnings, ...checkTotals(kinds, figures)],
      rows: parsed.map((p) => p.check),
      layout,
      skipped: kinds.skipped,
      subject: "imports.confirm.missingRows",
    };
  },

  plans: { right: "plan.update", of: (changes) => changes.map((c) => c.plan.id) },

  async write(tx, _actor, changes, effects) {
    const creates = changes.flatMap((c) => (c.op === "create" ? [c.data] : []));
    const columns = {
      planId: "text",
      unitId: "text",
      category: '"ShortageCategory"',
      description: "text",
      quantity: "int",
      unitLabel: "text",
      estimatedCost: "bigint",
    };
    const ids = await insertMany(tx, "Shortage", columns, creates, ["updatedAt"]);
    creates.forEach((after, i) =>
      effects.audit({
        action: "shortage.create",
        entityType: "Shortage",
        entityId: ids[i]!,
        after: { ...after, status: "open" },
      }),
    );
    for (const slice of chunks(
      changes.flatMap((c) => (c.op === "update" ? [c] : [])),
      10_000,
    )) {
      // A field the change leaves out keeps its stored value; a cost given as null is cleared.
      await tx.$executeRaw`
        UPDATE "Shortage" AS s SET quantity = COALESCE(v.quantity, s.quantity), "unitLabel" = COALESCE(v.label, s."unitLabel"),
          "estimatedCost" = CASE WHEN v.set_cost THEN v.cost::bigint ELSE s."estimatedCost" END, "updatedAt" = now()
        FROM unnest(${slice.map((c) => c.id)}::text[], ${slice.map((c) => c.after.quantity ?? null)}::int[], ${slice.map((c) => c.after.unitLabel ?? null)}::text[], ${slice.map((c) => c.after.estimatedCost?.toString() ?? null)}::text[], ${slice.map((c) => c.after.estimatedCost !== undefined)}::boolean[])
          AS v(id, quantity, label, cost, set_cost)
        WHERE s.id = v.id`;
      for (const c of slice)
        effects.audit({
          action: "shortage.update",
          entityType: "Shortage",
          entityId: c.id,
          before: c.before,
          after: c.after,
        });
    }
  },
};

const planMissing = { row: null, column: null, message: "imports.errors.planRequired" };
