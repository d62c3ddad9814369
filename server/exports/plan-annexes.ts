import { formatDate, formatInUnit, formatNumber, formatPercent, moneyUnit } from "@/lib/format";
import type { getPlanning } from "../planning/get-planning";
import { labels, moneyNote } from "./labels";
import { type Block, ROMAN } from "./official-document";

type Planning = Awaited<ReturnType<typeof getPlanning>>;

/** "21.84" → "21,84", as the Targets tab shows measured values. */
const decimal = (value: string) => formatNumber(Number(value), 4);
const rate = (value: number | null) => (value === null ? "—" : formatPercent(value));
const numbered = <T>(items: T[], cells: (item: T) => string[]) =>
  items.map((item, i) => ({ cells: [String(i + 1), ...cells(item)] }));
/** Official tables number their rows in a first column headed "TT" (thứ tự). */
const TT = { label: "TT", share: 0.06, align: "center" as const };

/** Targets with baseline, target, latest measurement and progress, computed by getPlanning. */
function targetsAnnex(targets: Planning["targets"]): Block[] {
  const t = labels.targets;
  return [
    {
      type: "table",
      columns: [
        TT,
        { label: t.titleField, share: 0.28 },
        { label: t.unit, share: 0.12 },
        { label: `${t.baselineValue} (năm)`, share: 0.13, align: "right" },
        { label: `${t.targetValue} (năm)`, share: 0.13, align: "right" },
        { label: `${t.latest} (${t.period.toLocaleLowerCase("vi")})`, share: 0.14, align: "right" },
        { label: t.progress, share: 0.14, align: "right" },
      ],
      rows: numbered(targets, (target) => [
        target.title,
        target.unit,
        `${decimal(target.baselineValue)} (${target.baselineYear})`,
        `${decimal(target.targetValue)} (${target.targetYear})`,
        target.latest ? `${decimal(target.latest.value)} (${target.latest.period})` : t.noMeasurement,
        target.progress.percent === null
          ? "—"
          : `${formatPercent(target.progress.percent)}${target.progress.met ? ` (${t.met.toLocaleLowerCase("vi")})` : ""}`,
      ]),
    },
  ];
}

function milestonesAnnex(milestones: Planning["milestones"]): Block[] {
  const m = labels.milestones;
  return [
    {
      type: "table",
      columns: [
        TT,
        { label: m.titleField, share: 0.3 },
        { label: m.owner, share: 0.2 },
        { label: m.startOn, share: 0.14, align: "center" },
        { label: m.dueOn, share: 0.14, align: "center" },
        { label: m.status, share: 0.16 },
      ],
      rows: numbered(milestones, (milestone) => [
        milestone.title,
        milestone.ownerUnit.name,
        formatDate(milestone.startOn),
        formatDate(milestone.dueOn),
        milestone.overdue
          ? `${m.statuses[milestone.status]} (${m.overdue.toLocaleLowerCase("vi")})`
          : m.statuses[milestone.status],
      ]),
    },
  ];
}

/**
 * Budget lines with their disbursement rate and the plan's totals, every amount in one unit
 * stated above the table; then contributions in kind.
 */
function budgetAnnex(budget: Planning["budget"]): Block[] {
  const b = labels.budget;
  const unit = moneyUnit([
    ...budget.lines.flatMap((line) => [line.allocated, line.disbursed]),
    budget.totals.allocated,
    budget.totals.disbursed,
  ]);
  const money = (amount: bigint) => formatInUnit(amount, unit);
  const lines: Block = {
    type: "table",
    note: moneyNote(unit),
    columns: [
      TT,
      { label: b.source, share: 0.18 },
      { label: b.year, share: 0.08, align: "center" },
      { label: b.description, share: 0.15 },
      { label: b.allocated, share: 0.2, align: "right" },
      { label: b.disbursed, share: 0.2, align: "right" },
      { label: b.rate, share: 0.13, align: "right" },
    ],
    rows: [
      ...numbered(budget.lines, (line) => [
        b.sources[line.source],
        String(line.year),
        line.description,
        money(line.allocated),
        money(line.disbursed),
        rate(line.rate),
      ]),
      {
        cells: [
          "",
          b.total,
          "",
          "",
          money(budget.totals.allocated),
          money(budget.totals.disbursed),
          rate(budget.totals.rate),
        ],
        total: true,
      },
    ],
  };
  if (budget.inKind.length === 0) return [lines];
  return [
    lines,
    { type: "heading", text: b.inKind },
    {
      type: "table",
      columns: [
        TT,
        { label: b.kind, share: 0.3 },
        { label: b.year, share: 0.1, align: "center" },
        { label: b.quantity, share: 0.2, align: "right" },
        { label: b.description, share: 0.34 },
      ],
      rows: numbered(budget.inKind, (c) => [b.kinds[c.kind], String(c.year), decimal(c.quantity), c.description]),
    },
  ];
}

function shortagesAnnex(shortages: Planning["shortages"]): Block[] {
  const s = labels.shortages;
  const unit = moneyUnit(shortages.map((shortage) => shortage.estimatedCost));
  return [
    {
      type: "table",
      note: moneyNote(unit),
      columns: [
        TT,
        { label: s.category, share: 0.2 },
        { label: s.description, share: 0.17 },
        { label: s.unit, share: 0.17 },
        { label: s.quantity, share: 0.12, align: "right" },
        { label: s.cost, share: 0.14, align: "right" },
        { label: s.status, share: 0.14 },
      ],
      rows: numbered(shortages, (shortage) => [
        s.categories[shortage.category],
        shortage.description,
        shortage.unit.name,
        `${formatNumber(shortage.quantity)} ${shortage.unitLabel}`,
        shortage.estimatedCost === null ? "—" : formatInUnit(shortage.estimatedCost, unit),
        s.statuses[shortage.status],
      ]),
    },
  ];
}

/**
 * The plan's structured content as annexes (Phụ lục I, II…), each on its own page and headed
 * with the document it comes with: targets, milestones, budget and shortages, those that have
 * rows. Every figure is the one the plan's tabs show (getPlanning computes them).
 */
export function planAnnexes(planning: Planning, attachedTo: string): Block[] {
  const annexes = [
    { title: labels.tabs.targets, rows: planning.targets.length, build: () => targetsAnnex(planning.targets) },
    {
      title: labels.tabs.milestones,
      rows: planning.milestones.length,
      build: () => milestonesAnnex(planning.milestones),
    },
    {
      title: labels.tabs.budget,
      rows: planning.budget.lines.length + planning.budget.inKind.length,
      build: () => budgetAnnex(planning.budget),
    },
    { title: labels.tabs.shortages, rows: planning.shortages.length, build: () => shortagesAnnex(planning.shortages) },
  ].filter((annex) => annex.rows > 0);
  return annexes.flatMap((annex, i): Block[] => [
    { type: "annex", numeral: ROMAN[i]!, title: annex.title.toLocaleUpperCase("vi"), attachedTo },
    ...annex.build(),
  ]);
}
