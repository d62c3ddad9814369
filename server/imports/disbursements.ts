import en from "../../messages/en.json";
import vi from "../../messages/vi.json";
import type { CapitalSource } from "../db/generated/client";
import { DomainError } from "../errors";
import { CAPITAL_SOURCES } from "@/lib/domain/planning";
import { year as yearSchema, ZDisbursement } from "../planning/schemas";
import { insertMany } from "../db/bulk-insert";
import { exceedsAllocation, lockAllocations } from "../planning/allocation";
import { type ColumnSpec, labelLookup, normalizeLabel } from "./columns";
import { parseDate, showDate } from "./dates";
import { readTable } from "./find-table";
import { moneyUnitOf, parseMoney, tableMoneyUnit } from "./money";
import { chosenPlan, type ImportPlan, loadPlans, PLAN_COLUMNS, planRightIssue, rowPlan } from "./plans";
import { flagDuplicates, issueKey, RowCheck } from "./rows";
import { checkTotals } from "./totals";
import type { Importer } from "./types";

/**
 * Payments out of a plan's budget lines. A row finds its line by plan, capital source and
 * year (the payment's year when the file has no year column), and by the line's description
 * when the plan has several such lines. Payments have no identity of their own: one with the
 * same line, date, amount and note is taken to be the same payment and skipped, so a file can
 * be imported again as it grows. Amounts are read in the unit the header states.
 */

type Key = "plan" | "planUnit" | "source" | "year" | "line" | "amount" | "paidOn" | "note";
export const DISBURSEMENT_COLUMNS: ColumnSpec<Key>[] = [
  ...PLAN_COLUMNS,
  { key: "source", heading: "Nguồn vốn", aliases: ["source", "capital source", "Nguồn"], required: true },
  { key: "year", heading: "Năm", aliases: ["year", "Năm vốn", "Năm kế hoạch"], required: false },
  {
    key: "line",
    heading: "Nội dung dòng vốn",
    aliases: ["Dòng vốn", "Nội dung", "line", "budget line", "Nội dung chi"],
    required: false,
  },
  {
    key: "amount",
    heading: "Số tiền (đồng)",
    aliases: [
      "Số tiền",
      "Số tiền giải ngân",
      "Giải ngân",
      "amount",
      "Số vốn giải ngân",
      "Kinh phí giải ngân",
      "Giá trị giải ngân",
    ],
    required: true,
  },
  {
    key: "paidOn",
    heading: "Ngày giải ngân",
    aliases: ["Ngày", "paid_on", "paid on", "date", "Ngày thanh toán", "Thời gian giải ngân"],
    required: true,
  },
  { key: "note", heading: "Ghi chú", aliases: ["note"], required: false },
];

/**
 * Sources as the interface names them and as officials abbreviate them. ODA reaches the
 * programmes as foreign capital within the central budget's allocation, so it is read as
 * central budget (the preview shows it so).
 */
const ABBREVIATIONS: Record<CapitalSource, string[]> = {
  central_budget: [
    "NSTW",
    "NS TW",
    "NSTƯ",
    "Vốn NSTW",
    "Ngân sách TW",
    "Vốn ngân sách trung ương",
    "Trung ương",
    "ODA",
    "Vốn ODA",
    "Vốn nước ngoài",
  ],
  local_budget: [
    "NSĐP",
    "NS ĐP",
    "Vốn NSĐP",
    "NS địa phương",
    "Vốn ngân sách địa phương",
    "Ngân sách tỉnh",
    "Ngân sách huyện",
    "Ngân sách xã",
    "NS tỉnh",
    "NS huyện",
    "NS xã",
    "Địa phương",
  ],
  integrated_programmes: ["Lồng ghép", "Vốn lồng ghép"],
  credit: ["Tín dụng", "Vốn tín dụng chính sách", "Vốn vay"],
  social_mobilisation: ["Xã hội hóa", "Xã hội hoá", "XHH", "Vốn huy động", "Huy động khác"],
  people_contributions: ["Dân góp", "Nhân dân", "Vốn dân góp"],
};
export const parseSource = labelLookup<CapitalSource>(
  CAPITAL_SOURCES.map((s) => [s, [vi.budget.sources[s], en.budget.sources[s], ...ABBREVIATIONS[s]]]),
);

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
  async check(db, actor, book, options) {
    const targets = DISBURSEMENT_COLUMNS.map((s) => ({ key: s.key, label: s.heading }));
    const table = readTable(book, { specs: DISBURSEMENT_COLUMNS, targets }, options, ["paidOn"], () => ["amount"]);
    if (!table.ok) return { ...table, rows: [] };
    const { columns, kinds, layout } = table;
    const h = (key: Key) => columns.heading(key);
    const chosen = await chosenPlan(db, actor, options);
    if ("issue" in chosen) return { fileIssues: [chosen.issue], warnings: table.warnings, rows: [], layout };
    if (!chosen.ref && !columns.has("plan"))
      return {
        fileIssues: [{ row: null, column: null, message: "imports.errors.planRequired" }],
        warnings: table.warnings,
        rows: [],
        layout,
      };
    const unit =
      moneyUnitOf(columns.fullHeading("amount")) ?? tableMoneyUnit(table.above.map((r) => r.cells.join(" "))) ?? 1n;

    const parsed = kinds.data.map(({ row, cells }) => {
      const value = (key: Key) => columns.value(cells, key);
      const check = new RowCheck<DisbursementChange>(row, "");
      const { ref, issues } = rowPlan(chosen.ref, value("plan"), value("planUnit"));
      for (const issue of issues) check.error(h(issue.column), issue.message);
      const paidOn = parseDate(value("paidOn"));
      check.key = `${ref?.label ?? value("plan")} · ${paidOn ? showDate(paidOn) : value("paidOn")}`;
      const source = parseSource(value("source"));
      if (!value("source")) check.error(h("source"), "validation.required");
      else if (!source) check.error(h("source"), "imports.errors.badSource", { value: value("source") });
      const year = yearSchema.safeParse(value("year") || paidOn?.slice(0, 4) || undefined);
      if (!year.success && (columns.has("year") || paidOn))
        check.error(h(columns.has("year") ? "year" : "paidOn"), "validation.year");
      const amount = value("amount") ? parseMoney(value("amount"), unit) : null;
      if (value("amount") && amount === null)
        check.error(h("amount"), "imports.errors.money", { value: value("amount") });
      const fields = fieldsOf.safeParse({
        amount: amount ?? value("amount"),
        paidOn: paidOn ?? value("paidOn"),
        note: value("note"),
      });
      if (!fields.success)
        for (const issue of fields.error.issues) {
          const key = issue.path[0] as Key;
          if (key === "amount" && amount === null && value("amount")) continue;
          check.error(h(key), key === "paidOn" ? "imports.errors.date" : issueKey(issue));
        }
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
      const allocation = { allocated: p.line.amount, paid: paid.get(p.line.id)! };
      if (exceedsAllocation(allocation, p.fields.amount)) {
        p.check.error(h("amount"), "validation.overDisbursed");
        continue;
      }
      paid.set(p.line.id, allocation.paid + p.fields.amount);
      p.check.changes.push({ op: "create", plan: p.plan, line: p.line, ...p.fields });
      const { line, fields, source } = p;
      p.check.describe = () => [
        { column: h("source"), before: null, after: { type: "source", value: source! } },
        ...(line.description
          ? [{ column: h("line"), before: null, after: { type: "text" as const, value: line.description } }]
          : []),
        { column: h("amount"), before: null, after: { type: "money", value: fields.amount.toString() } },
        { column: h("paidOn"), before: null, after: { type: "date", value: fields.paidOn.toISOString().slice(0, 10) } },
      ];
    }
    const read = (cell: string) => parseMoney(cell, unit);
    return {
      fileIssues: [],
      warnings: [
        ...table.warnings,
        ...checkTotals(kinds, [{ index: columns.indexOf("amount")!, heading: h("amount"), ofRow: read, stated: read }]),
      ],
      rows: parsed.map((p) => p.check),
      layout,
      skipped: kinds.skipped,
      subject: "imports.confirm.missingRows",
    };
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
