import en from "../../messages/en.json";
import vi from "../../messages/vi.json";
import type { CapitalSource } from "../db/generated/client";
import { DomainError } from "../errors";
import { CAPITAL_SOURCES } from "../planning/constants";
import { year as yearSchema, ZDisbursement } from "../planning/schemas";
import { type ColumnSpec, labelLookup, matchColumns, normalizeLabel } from "./columns";
import { type ImportPlan, loadPlans, parsePlanRef, PLAN_COLUMNS, planRightIssue } from "./plans";
import { exceedsAllocation, lockAllocations } from "../planning/allocation";
import { insertMany } from "../db/bulk-insert";
import { flagDuplicates, issueKey, RowCheck } from "./rows";
import type { Importer } from "./types";

/**
 * Payments out of a plan's budget lines. A row finds its line by plan, capital source and
 * year, and by the line's description when the plan has several such lines. Payments have no
 * identity of their own: one with the same line, date, amount and note is taken to be the
 * same payment and skipped, so a file can be imported again as it grows.
 */

type Key = "plan" | "planUnit" | "source" | "year" | "line" | "amount" | "paidOn" | "note";
export const DISBURSEMENT_COLUMNS: ColumnSpec<Key>[] = [
  ...PLAN_COLUMNS,
  { key: "source", heading: "Nguồn vốn", aliases: ["source", "capital source"], required: true },
  { key: "year", heading: "Năm", aliases: ["year", "Năm vốn"], required: true },
  {
    key: "line",
    heading: "Nội dung dòng vốn",
    aliases: ["Dòng vốn", "Nội dung", "line", "budget line"],
    required: false,
  },
  {
    key: "amount",
    heading: "Số tiền (đồng)",
    aliases: ["Số tiền", "Số tiền giải ngân", "Giải ngân", "amount"],
    required: true,
  },
  { key: "paidOn", heading: "Ngày giải ngân", aliases: ["Ngày", "paid_on", "paid on", "date"], required: true },
  { key: "note", heading: "Ghi chú", aliases: ["note"], required: false },
];

export const parseSource = labelLookup<CapitalSource>(
  CAPITAL_SOURCES.map((s) => [s, [vi.budget.sources[s], en.budget.sources[s]]]),
);

/** "05/03/2025", "5/3/2025" or "2025-03-05" → "2025-03-05"; anything else is left for the date check to refuse. */
export function isoDate(text: string): string {
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  return vn ? `${vn[3]}-${vn[2]!.padStart(2, "0")}-${vn[1]!.padStart(2, "0")}` : text;
}

const fieldsOf = ZDisbursement.pick({ amount: true, paidOn: true, note: true });

type Line = { id: string; planId: string; source: CapitalSource; year: number; description: string; amount: bigint };
export type DisbursementChange = {
  op: "create";
  plan: ImportPlan;
  line: Line;
  amount: bigint;
  paidOn: Date;
  note: string;
};

const paymentKey = (lineId: string, paidOn: Date, amount: bigint, note: string) =>
  [lineId, paidOn.toISOString().slice(0, 10), amount, normalizeLabel(note)].join("|");

export const disbursementsImporter: Importer<DisbursementChange> = {
  async check(db, actor, table) {
    const { columns, fileIssues, warnings } = matchColumns(table, DISBURSEMENT_COLUMNS);
    if (fileIssues.length) return { fileIssues, warnings, rows: [] };
    const h = (key: Key) => columns.heading(key);

    const parsed = table.rows.map(({ row, cells }) => {
      const value = (key: Key) => columns.value(cells, key);
      const check = new RowCheck<DisbursementChange>(row, "");
      const ref = parsePlanRef(value("plan"), value("planUnit"));
      check.key = `${ref?.label ?? value("plan")} · ${value("paidOn")}`;
      if (!value("plan")) check.error(h("plan"), "validation.required");
      else if (!ref) check.error(h("plan"), "validation.reference");
      if (!value("planUnit")) check.error(h("planUnit"), "validation.required");
      const source = parseSource(value("source"));
      if (!value("source")) check.error(h("source"), "validation.required");
      else if (!source) check.error(h("source"), "imports.errors.badSource", { value: value("source") });
      const year = yearSchema.safeParse(value("year") || undefined);
      if (!year.success) check.error(h("year"), "validation.year");
      const fields = fieldsOf.safeParse({
        amount: value("amount"),
        paidOn: isoDate(value("paidOn")),
        note: value("note"),
      });
      if (!fields.success)
        for (const issue of fields.error.issues)
          check.error(h(issue.path[0] as Key), issue.path[0] === "paidOn" ? "imports.errors.date" : issueKey(issue));
      return { check, ref, source, year: year.data, lineText: value("line"), fields: fields.data };
    });

    const findPlan = await loadPlans(
      db,
      parsed.flatMap((p) => p.ref ?? []),
    );
    const plans = parsed.map((p) => {
      const plan = p.ref ? findPlan(p.ref) : undefined;
      const issue = p.ref ? planRightIssue(actor, plan, "plan.track") : null;
      if (issue) p.check.error(h("plan"), issue, { plan: p.ref!.label, unit: p.ref!.unitCode });
      return issue ? undefined : plan;
    });
    const lines = await db.budgetLine.findMany({
      where: { planId: { in: [...new Set(plans.flatMap((p) => p?.id ?? []))] } },
      select: {
        id: true,
        planId: true,
        source: true,
        year: true,
        description: true,
        amount: true,
        disbursements: { select: { amount: true, paidOn: true, note: true } },
      },
    });

    // The line of each row, then its payment's key; duplicates are judged on what the rows resolve to.
    const withLine = parsed.map((p, i) => {
      const plan = plans[i];
      if (!p.check.ok || !plan || !p.source || !p.year || !p.fields) return { ...p, plan, line: null, key: null };
      const candidates = lines.filter(
        (l) =>
          l.planId === plan.id &&
          l.source === p.source &&
          l.year === p.year &&
          (!p.lineText || normalizeLabel(l.description) === normalizeLabel(p.lineText)),
      );
      if (candidates.length !== 1) {
        p.check.error(
          p.lineText ? h("line") : h("source"),
          candidates.length ? "imports.errors.lineAmbiguous" : "imports.errors.lineUnknown",
        );
        return { ...p, plan, line: null, key: null };
      }
      const line = candidates[0]!;
      return { ...p, plan, line, key: paymentKey(line.id, p.fields.paidOn, p.fields.amount, p.fields.note) };
    });
    flagDuplicates(
      withLine,
      (p) => p.key,
      (p) => p.check,
      h("amount"),
    );

    const paid = new Map(lines.map((l) => [l.id, l.disbursements.reduce((sum, d) => sum + d.amount, 0n)]));
    const recorded = new Set(
      lines.flatMap((l) => l.disbursements.map((d) => paymentKey(l.id, d.paidOn, d.amount, d.note))),
    );
    for (const p of withLine) {
      if (!p.check.ok || !p.line || !p.plan || !p.fields || !p.key) continue;
      if (recorded.has(p.key)) {
        p.check.unchanged++;
        continue;
      }
      // In file order, as if typed one by one: the payment that would pay out more than the line holds is refused.
      const line = { allocated: p.line.amount, paid: paid.get(p.line.id)! };
      if (exceedsAllocation(line, p.fields.amount)) {
        p.check.error(h("amount"), "validation.overDisbursed");
        continue;
      }
      paid.set(p.line.id, line.paid + p.fields.amount);
      p.check.changes.push({ op: "create", plan: p.plan, line: p.line, ...p.fields });
    }
    return { fileIssues, warnings, rows: parsed.map((p) => p.check) };
  },

  plans: { right: "plan.track", of: (changes) => changes.map((c) => c.plan.id) },

  async write(tx, _actor, changes, effects) {
    // As addDisbursement does: the lines are locked while their totals are checked again, so
    // payments made meanwhile through the forms cannot together exceed an allocation.
    const adding = new Map<string, bigint>();
    for (const c of changes) adding.set(c.line.id, (adding.get(c.line.id) ?? 0n) + c.amount);
    const lines = await lockAllocations(tx, [...adding.keys()]);
    for (const [id, amount] of adding)
      if (exceedsAllocation(lines.get(id)!, amount)) throw new DomainError("CONFLICT", "errors.conflict");

    const rows = changes.map((c) => ({ budgetLineId: c.line.id, amount: c.amount, paidOn: c.paidOn, note: c.note }));
    const ids = await insertMany(
      tx,
      "Disbursement",
      { budgetLineId: "text", amount: "bigint", paidOn: "date", note: "text" },
      rows,
    );
    rows.forEach((after, i) =>
      effects.audit({ action: "disbursement.create", entityType: "Disbursement", entityId: ids[i]!, after }),
    );
  },
};
