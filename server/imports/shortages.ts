import en from "../../messages/en.json";
import vi from "../../messages/vi.json";
import type { ShortageCategory } from "../db/generated/client";
import { SHORTAGE_CATEGORIES } from "../planning/constants";
import { can } from "../policies";
import { normalizeDecimal, shortageFields } from "../planning/schemas";
import { type ColumnSpec, labelLookup, matchColumns, normalizeText } from "./columns";
import { type ImportPlan, loadPlans, parsePlanRef, PLAN_COLUMNS, planRightIssue, unitsInScope } from "./plans";
import { insertMany } from "../db/bulk-insert";
import { chunks, flagDuplicates, issueKey, loadUnitsByCode, RowCheck } from "./rows";
import type { Importer } from "./types";

/**
 * Shortages a plan records: one row per shortage, found again by plan, unit, category and
 * detail, so that importing a corrected file updates the counts and costs instead of adding
 * shortages twice. Status, milestones and funding links are left to the plan's pages.
 */

type Key = "plan" | "planUnit" | "unit" | "category" | "quantity" | "unitLabel" | "estimatedCost" | "description";
export const SHORTAGE_COLUMNS: ColumnSpec<Key>[] = [
  ...PLAN_COLUMNS,
  {
    key: "unit",
    heading: "Mã xã/trường",
    aliases: ["Mã đơn vị", "Mã xã", "Mã trường", "unit", "unit code"],
    required: true,
  },
  { key: "category", heading: "Loại thiếu hụt", aliases: ["Loại", "category"], required: true },
  { key: "quantity", heading: "Số lượng", aliases: ["quantity"], required: true },
  { key: "unitLabel", heading: "Đơn vị tính", aliases: ["ĐVT", "unit_label", "unit label"], required: true },
  {
    key: "estimatedCost",
    heading: "Kinh phí ước tính (đồng)",
    aliases: ["Kinh phí ước tính", "Kinh phí", "estimated_cost", "estimated cost"],
    required: false,
  },
  { key: "description", heading: "Chi tiết", aliases: ["Mô tả", "description"], required: false },
];

/** The categories as the interface names them, in both languages, and as officials shorten them. */
const SHORT_NAMES: Record<ShortageCategory, string[]> = {
  boarding_rooms: ["phòng bán trú", "phòng nội trú"],
  teacher_housing: ["nhà công vụ"],
  solid_classrooms: ["phòng học kiên cố"],
  teachers: ["giáo viên"],
  equipment: [],
  other: [],
};
export const parseCategory = labelLookup<ShortageCategory>(
  SHORTAGE_CATEGORIES.map((c) => [c, [vi.shortages.categories[c], en.shortages.categories[c], ...SHORT_NAMES[c]]]),
);

const fieldsOf = shortageFields.pick({
  category: true,
  description: true,
  quantity: true,
  unitLabel: true,
  estimatedCost: true,
});
type Fields = ReturnType<typeof fieldsOf.parse>;

export type ShortageChange =
  | { op: "create"; plan: ImportPlan; data: Fields & { planId: string; unitId: string } }
  | {
      op: "update";
      plan: ImportPlan;
      id: string;
      before: Pick<Fields, "quantity" | "unitLabel" | "estimatedCost">;
      after: Pick<Fields, "quantity" | "unitLabel" | "estimatedCost">;
    };

const same = (a: Pick<Fields, "quantity" | "unitLabel" | "estimatedCost">, b: typeof a) =>
  a.quantity === b.quantity && a.unitLabel === b.unitLabel && a.estimatedCost === b.estimatedCost;

export const shortagesImporter: Importer<ShortageChange> = {
  async check(db, actor, table) {
    const { columns, fileIssues, warnings } = matchColumns(table, SHORTAGE_COLUMNS);
    if (fileIssues.length) return { fileIssues, warnings, rows: [] };
    const h = (key: Key) => columns.heading(key);

    const parsed = table.rows.map(({ row, cells }) => {
      const value = (key: Key) => columns.value(cells, key);
      const check = new RowCheck<ShortageChange>(row, "");
      const ref = parsePlanRef(value("plan"), value("planUnit"));
      check.key = `${ref?.label ?? value("plan")} · ${value("unit")}`;
      if (!value("plan")) check.error(h("plan"), "validation.required");
      else if (!ref) check.error(h("plan"), "validation.reference");
      if (!value("planUnit")) check.error(h("planUnit"), "validation.required");
      if (!value("unit")) check.error(h("unit"), "validation.required");
      const category = parseCategory(value("category"));
      if (value("category") && !category)
        check.error(h("category"), "imports.errors.badCategory", { value: value("category") });
      // The form's own checks for the other fields; a category already reported as unknown is
      // passed as "other" so that it is not reported twice (an empty one is left to "required").
      const fields = fieldsOf.safeParse({
        category: category ?? (value("category") ? "other" : ""),
        description: value("description"),
        quantity: normalizeDecimal(value("quantity")),
        unitLabel: value("unitLabel"),
        estimatedCost: value("estimatedCost"),
      });
      if (!fields.success)
        for (const issue of fields.error.issues) check.error(h(issue.path[0] as Key), issueKey(issue));
      return { check, ref, unitCode: value("unit"), fields: fields.data };
    });
    const findPlan = await loadPlans(
      db,
      parsed.flatMap((p) => p.ref ?? []),
    );
    const findUnit = await loadUnitsByCode(
      db,
      parsed.map((p) => p.unitCode),
    );
    // The upsert key, judged on what the codes resolve to ("3180" and "03180" are one commune).
    const keyOf = (p: (typeof parsed)[number]) =>
      p.ref && p.fields
        ? [
            findPlan(p.ref)?.id ?? p.ref.label,
            findUnit(p.unitCode)?.id ?? p.unitCode,
            p.fields.category,
            p.fields.description,
          ].join("|")
        : null;
    flagDuplicates(parsed, keyOf, (p) => p.check, h("description"));
    const resolved = parsed.map((p) => {
      const plan = p.ref ? findPlan(p.ref) : undefined;
      const unit = findUnit(p.unitCode);
      if (p.ref) {
        const issue = planRightIssue(actor, plan, "plan.update");
        if (issue) p.check.error(h("plan"), issue, { plan: p.ref.label, unit: p.ref.unitCode });
      }
      if (p.unitCode && (!unit || !can(actor, "unit.view", unit)))
        p.check.error(h("unit"), "imports.errors.unitUnknown", { code: p.unitCode });
      return { ...p, plan, unit };
    });
    const ready = resolved.flatMap((r) =>
      r.check.ok && r.plan && r.unit && r.fields ? [{ ...r, plan: r.plan, unit: r.unit, fields: r.fields }] : [],
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
    for (const { check, plan, unit, fields } of ready) {
      if (!inScope(plan, unit.id)) {
        check.error(h("unit"), "validation.unitOutOfScope");
        continue;
      }
      const matches = byKey.get([plan.id, unit.id, fields.category, fields.description].join("|")) ?? [];
      const after = { quantity: fields.quantity, unitLabel: fields.unitLabel, estimatedCost: fields.estimatedCost };
      // Two shortages recorded alike on the plan's pages: which one the row corrects is not for the import to guess.
      if (matches.length > 1) check.error(h("description"), "imports.errors.shortageAmbiguous");
      else if (!matches[0])
        check.changes.push({ op: "create", plan, data: { planId: plan.id, unitId: unit.id, ...fields } });
      else if (!same(matches[0], after))
        check.changes.push({
          op: "update",
          plan,
          id: matches[0].id,
          before: {
            quantity: matches[0].quantity,
            unitLabel: matches[0].unitLabel,
            estimatedCost: matches[0].estimatedCost,
          },
          after,
        });
      else check.unchanged++;
    }
    return { fileIssues, warnings, rows: parsed.map((p) => p.check) };
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
      await tx.$executeRaw`
        UPDATE "Shortage" AS s SET quantity = v.quantity, "unitLabel" = v.label, "estimatedCost" = v.cost::bigint, "updatedAt" = now()
        FROM unnest(${slice.map((c) => c.id)}::text[], ${slice.map((c) => c.after.quantity)}::int[], ${slice.map((c) => c.after.unitLabel)}::text[], ${slice.map((c) => c.after.estimatedCost?.toString() ?? null)}::text[])
          AS v(id, quantity, label, cost)
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
