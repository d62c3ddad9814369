import { formatDate, formatInUnit, formatNumber, formatPercent, formatVnd, moneyUnit } from "@/lib/format";
import type { Db } from "../db/client";
import { percentOf, todayInVietnam } from "../planning/figures";
import type { Actor } from "../policies/actor";
import type { RollupQuery } from "../rollups/criteria-rollup";
import type { ExportFile } from "./export-file";
import { loadIssuingBody } from "./issuing-body";
import { COVERED, labels, moneyNote, planReference, periodPhrase, translate } from "./labels";
import type { Block, DocumentFormat, OfficialDocument } from "./official-document";
import { renderDocument } from "./render-document";
import { reportSigner } from "./signer";
import { type UnitRollups, unitRollups } from "./unit-rollups";

const d = labels.dashboard;
const rate = (value: number | null) => (value === null ? "—" : formatPercent(value));
/** A dashboard line as a sentence of a document: its "·" separators become semicolons. */
const sentence = (line: string) => `${line.replaceAll(" · ", "; ")}.`;
const heading = (text: string): Block => ({ type: "heading", text });
const paragraph = (text: string): Block => ({ type: "paragraph", text });
/** Some blank room for the number, which the clerk writes in when the report is registered. */
const UNNUMBERED = "\u00a0".repeat(8);

/** Part I: per criterion how many units meet it and the rate, then the whole set and the average. */
function criteriaPart({ criteria }: UnitRollups): Block[] {
  const title = heading(`I. ${d.criteria.toLocaleUpperCase("vi")}`);
  if (criteria.units === 0) return [title, paragraph(d.noData)];
  const levels = criteria.set.hasLevels;
  const units = formatNumber(criteria.units);
  const share = levels ? 0.44 : 0.6;
  return [
    title,
    paragraph(`${d.set}: ${criteria.set.name}; ${d.period.toLocaleLowerCase("vi")} ${criteria.period}.`),
    paragraph(
      sentence(
        translate("dashboard.summary", {
          units: criteria.units,
          allMet: criteria.allMet,
          average: criteria.averageMet,
        }),
      ),
    ),
    {
      type: "table",
      columns: [
        { label: d.number, share: 0.08, align: "center" },
        { label: d.name, share },
        { label: `${d.met}/${d.units.toLocaleLowerCase("vi")}`, share: 0.16, align: "center" },
        { label: d.rate, share: 0.16, align: "right" },
        ...(levels
          ? [
              { label: d.advanced, share: 0.08, align: "center" as const },
              { label: d.model, share: 0.08, align: "center" as const },
            ]
          : []),
      ],
      rows: [
        ...criteria.criteria.map((c) => ({
          cells: [
            String(c.number),
            c.name,
            `${formatNumber(c.met)}/${units}`,
            formatPercent(c.rate),
            ...(levels ? [formatNumber(c.advanced), formatNumber(c.model)] : []),
          ],
        })),
        {
          cells: [
            "",
            d.allMetShort,
            `${formatNumber(criteria.allMet)}/${units}`,
            rate(percentOf(BigInt(criteria.allMet), BigInt(criteria.units))),
            ...(levels ? ["", ""] : []),
          ],
          total: true,
        },
        {
          cells: ["", d.averageShort, formatNumber(criteria.averageMet, 2), "", ...(levels ? ["", ""] : [])],
          total: true,
        },
      ],
    },
  ];
}

/** Part II: money by capital source, milestones due in the year, open shortages and targets. */
function planningPart({ planning, year }: UnitRollups): Block[] {
  const title = heading(`II. ${translate("dashboard.planning", { year }).toLocaleUpperCase("vi")}`);
  const { budget, milestones, shortages, targets } = planning;
  const scope = paragraph(sentence(translate("dashboard.approvedOnly", { count: planning.unapprovedPlans })));
  if (budget.bySource.length + milestones.due + shortages.length + targets.length === 0)
    return [title, scope, paragraph(d.noPlanning)];
  return [
    title,
    scope,
    ...budgetSection(budget),
    heading(`2. ${d.milestones}`),
    paragraph(
      sentence(
        translate("dashboard.milestoneCounts", {
          due: formatNumber(milestones.due),
          done: formatNumber(milestones.done),
          overdue: formatNumber(milestones.overdue),
        }),
      ),
    ),
    ...(milestones.overdueList.length === 0
      ? []
      : [
          paragraph(`${d.overdueList}:`),
          {
            type: "table",
            columns: [
              { label: "TT", share: 0.06, align: "center" },
              { label: labels.milestones.titleField, share: 0.36 },
              { label: labels.shortages.plan, share: 0.16 },
              { label: labels.milestones.owner, share: 0.24 },
              { label: labels.milestones.dueOn, share: 0.18, align: "center" },
            ],
            rows: milestones.overdueList.map((m, i) => ({
              cells: [String(i + 1), m.title, planReference(m.plan), m.ownerUnit.name, formatDate(m.dueOn)],
            })),
          } satisfies Block,
        ]),
    ...shortagesSection(shortages),
    ...targetsSection(targets),
  ];
}

type Planning = UnitRollups["planning"];

/** 1. Money: the totals in a sentence, then by capital source in one unit stated above the table. */
function budgetSection(budget: Planning["budget"]): Block[] {
  const b = labels.budget;
  if (budget.bySource.length === 0) return [heading(`1. ${d.budget}`), paragraph(b.empty)];
  const unit = moneyUnit([
    ...budget.bySource.flatMap((row) => [row.allocated, row.disbursed]),
    budget.total.allocated,
    budget.total.disbursed,
  ]);
  const money = (amount: bigint) => formatInUnit(amount, unit);
  return [
    heading(`1. ${d.budget}`),
    paragraph(
      sentence(
        translate("dashboard.budgetTotal", {
          disbursed: formatVnd(budget.total.disbursed),
          allocated: formatVnd(budget.total.allocated),
          rate: rate(budget.total.rate),
        }),
      ),
    ),
    {
      type: "table",
      note: moneyNote(unit),
      columns: [
        { label: b.source, share: 0.34 },
        { label: b.allocated, share: 0.22, align: "right" },
        { label: b.disbursed, share: 0.22, align: "right" },
        { label: b.rate, share: 0.22, align: "right" },
      ],
      rows: [
        ...budget.bySource.map((row) => ({
          cells: [b.sources[row.source], money(row.allocated), money(row.disbursed), rate(row.rate)],
        })),
        {
          cells: [b.total, money(budget.total.allocated), money(budget.total.disbursed), rate(budget.total.rate)],
          total: true,
        },
      ],
    },
  ];
}

/** 3. Open shortages by category, how many have a milestone or money, and their estimated cost. */
function shortagesSection(shortages: Planning["shortages"]): Block[] {
  const s = labels.shortages;
  if (shortages.length === 0) return [heading(`3. ${d.shortages}`), paragraph(s.empty)];
  const unit = moneyUnit(shortages.map((row) => row.estimatedCost));
  return [
    heading(`3. ${d.shortages}`),
    {
      type: "table",
      note: moneyNote(unit),
      columns: [
        { label: s.category, share: 0.3 },
        { label: s.unitLabel, share: 0.12 },
        { label: s.statuses.open, share: 0.14, align: "right" },
        { label: COVERED, share: 0.14, align: "right" },
        { label: d.rate, share: 0.12, align: "right" },
        { label: s.cost, share: 0.18, align: "right" },
      ],
      rows: shortages.map((row) => ({
        cells: [
          s.categories[row.category],
          row.unitLabel,
          formatNumber(row.open),
          formatNumber(row.covered),
          rate(row.coveredRate),
          formatInUnit(row.estimatedCost, unit),
        ],
      })),
    },
  ];
}

/** 4. The targets of the plans beneath, with their latest measurement and progress. */
function targetsSection(targets: Planning["targets"]): Block[] {
  const t = labels.targets;
  if (targets.length === 0) return [heading(`4. ${d.targets}`), paragraph(t.empty)];
  return [
    heading(`4. ${d.targets}`),
    {
      type: "table",
      columns: [
        { label: "TT", share: 0.06, align: "center" },
        { label: t.titleField, share: 0.3 },
        { label: labels.shortages.plan, share: 0.16 },
        { label: t.unit, share: 0.14 },
        { label: t.targetYear, share: 0.08, align: "center" },
        { label: `${t.latest} (${t.period.toLocaleLowerCase("vi")})`, share: 0.13, align: "right" },
        { label: t.progress, share: 0.13, align: "right" },
      ],
      rows: targets.map((target, i) => ({
        cells: [
          String(i + 1),
          target.title,
          planReference(target.plan),
          target.unit,
          String(target.targetYear),
          target.latest ? `${formatNumber(Number(target.latest.value), 4)} (${target.latest.period})` : t.noMeasurement,
          target.progress.percent === null ? "—" : formatPercent(target.progress.percent),
        ],
      })),
    },
  ];
}

/**
 * The 6-month or yearly progress report of a unit ("2025-H1", "2025") as an official document
 * in the layout of Decree 30/2020/NĐ-CP, every figure computed from the records by the same
 * roll-ups as the dashboard (and with the same rights: the actor must be able to roll the
 * unit up). Left unnumbered and undated, to be registered when signed.
 */
export async function reportDocument(db: Db, actor: Actor, query: RollupQuery): Promise<OfficialDocument> {
  const rollups = await unitRollups(db, actor, query);
  const { unit, criteria } = rollups;
  const [issuer, signer] = await Promise.all([loadIssuingBody(db, unit), reportSigner(db, unit.id, actor)]);
  const period = periodPhrase(criteria.period);
  const summary = `Kết quả thực hiện xây dựng nông thôn mới và các kế hoạch ${period}`;
  return {
    name: `Báo cáo ${unit.name} ${criteria.period}`,
    title: `Báo cáo ${period} — ${unit.name}`,
    subject: summary,
    header: {
      issuer,
      reference: `${UNNUMBERED}/BC-${issuer.abbreviation}`,
      date: null,
      year: todayInVietnam().getUTCFullYear(),
    },
    kind: "BÁO CÁO",
    summary,
    body: [
      paragraph(
        `Căn cứ kết quả đánh giá các tiêu chí và số liệu thực hiện các kế hoạch trên hệ thống Chung Tay, ${issuer.fullName} báo cáo kết quả thực hiện ${period} như sau:`,
      ),
      ...criteriaPart(rollups),
      ...planningPart(rollups),
      { type: "signature", signer },
    ],
  };
}

/** The unit's report as a DOCX or PDF file, the same document in either. */
export async function exportReport(
  db: Db,
  actor: Actor,
  query: RollupQuery,
  format: DocumentFormat,
): Promise<ExportFile> {
  return renderDocument(await reportDocument(db, actor, query), format);
}
