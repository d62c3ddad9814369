import type { FileChild } from "docx";
import { formatDate, formatNumber, formatPercent, formatVnd } from "@/lib/format";
import type { Db } from "../db/client";
import { percentOf, todayInVietnam } from "../planning/figures";
import { planReference } from "../plans/plan-select";
import type { Actor } from "../policies/actor";
import type { RollupQuery } from "../rollups/criteria-rollup";
import {
  bodyParagraph,
  dataTable,
  decree30Document,
  documentHeader,
  documentTitle,
  sectionHeading,
  signatureBlock,
  toBuffer,
} from "./decree30";
import { DOCX_TYPE, type ExportFile, safeFileName } from "./export-file";
import { loadIssuingBody } from "./issuing-body";
import { COVERED, labels, periodPhrase, translate } from "./labels";
import { reportSigner } from "./signer";
import { type UnitRollups, unitRollups } from "./unit-rollups";

const d = labels.dashboard;
const rate = (value: number | null) => (value === null ? "—" : formatPercent(value));
/** A dashboard line as a sentence of a document: its "·" separators become semicolons. */
const sentence = (line: string) => `${line.replaceAll(" · ", "; ")}.`;
/** Some blank room for the number, which the clerk writes in when the report is registered. */
const UNNUMBERED = "\u00a0".repeat(8);

/** Part I: per criterion how many units meet it and the rate, then the whole set and the average. */
function criteriaPart({ criteria }: UnitRollups): FileChild[] {
  const heading = sectionHeading(`I. ${d.criteria.toLocaleUpperCase("vi")}`);
  if (criteria.units === 0) return [heading, bodyParagraph(d.noData)];
  const levels = criteria.set.hasLevels;
  const units = formatNumber(criteria.units);
  const share = levels ? 0.44 : 0.6;
  return [
    heading,
    bodyParagraph(`${d.set}: ${criteria.set.name}; ${d.period.toLocaleLowerCase("vi")} ${criteria.period}.`),
    bodyParagraph(
      sentence(
        translate("dashboard.summary", {
          units,
          allMet: formatNumber(criteria.allMet),
          average: formatNumber(criteria.averageMet, 2),
        }),
      ),
    ),
    dataTable(
      [
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
      [
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
    ),
  ];
}

/** Part II: money by capital source, milestones due in the year, open shortages and targets. */
function planningPart({ planning, year }: UnitRollups): FileChild[] {
  const heading = sectionHeading(`II. ${translate("dashboard.planning", { year }).toLocaleUpperCase("vi")}`);
  const { budget, milestones, shortages, targets } = planning;
  if (budget.bySource.length + milestones.due + shortages.length + targets.length === 0)
    return [heading, bodyParagraph(d.noPlanning)];
  const b = labels.budget;
  const s = labels.shortages;
  const t = labels.targets;
  return [
    heading,
    sectionHeading(`1. ${d.budget}`),
    ...(budget.bySource.length === 0
      ? [bodyParagraph(b.empty)]
      : [
          bodyParagraph(
            sentence(
              translate("dashboard.budgetTotal", {
                disbursed: formatVnd(budget.total.disbursed),
                allocated: formatVnd(budget.total.allocated),
                rate: rate(budget.total.rate),
              }),
            ),
          ),
          dataTable(
            [
              { label: b.source, share: 0.34 },
              { label: b.allocated, share: 0.22, align: "right" },
              { label: b.disbursed, share: 0.22, align: "right" },
              { label: b.rate, share: 0.22, align: "right" },
            ],
            [
              ...budget.bySource.map((row) => ({
                cells: [b.sources[row.source], formatVnd(row.allocated), formatVnd(row.disbursed), rate(row.rate)],
              })),
              {
                cells: [
                  b.total,
                  formatVnd(budget.total.allocated),
                  formatVnd(budget.total.disbursed),
                  rate(budget.total.rate),
                ],
                total: true,
              },
            ],
          ),
        ]),
    sectionHeading(`2. ${d.milestones}`),
    bodyParagraph(
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
          bodyParagraph(`${d.overdueList}:`),
          dataTable(
            [
              { label: "TT", share: 0.06, align: "center" },
              { label: labels.milestones.titleField, share: 0.36 },
              { label: labels.shortages.plan, share: 0.16 },
              { label: labels.milestones.owner, share: 0.24 },
              { label: labels.milestones.dueOn, share: 0.18, align: "center" },
            ],
            milestones.overdueList.map((m, i) => ({
              cells: [String(i + 1), m.title, planReference(m.plan), m.ownerUnit.name, formatDate(m.dueOn)],
            })),
          ),
        ]),
    sectionHeading(`3. ${d.shortages}`),
    ...(shortages.length === 0
      ? [bodyParagraph(s.empty)]
      : [
          dataTable(
            [
              { label: s.category, share: 0.3 },
              { label: s.unitLabel, share: 0.12 },
              { label: s.statuses.open, share: 0.14, align: "right" },
              { label: COVERED, share: 0.14, align: "right" },
              { label: d.rate, share: 0.12, align: "right" },
              { label: s.estimatedCost, share: 0.18, align: "right" },
            ],
            shortages.map((row) => ({
              cells: [
                s.categories[row.category],
                row.unitLabel,
                formatNumber(row.open),
                formatNumber(row.covered),
                rate(row.coveredRate),
                formatVnd(row.estimatedCost),
              ],
            })),
          ),
        ]),
    sectionHeading(`4. ${d.targets}`),
    ...(targets.length === 0
      ? [bodyParagraph(t.empty)]
      : [
          dataTable(
            [
              { label: "TT", share: 0.06, align: "center" },
              { label: t.titleField, share: 0.3 },
              { label: labels.shortages.plan, share: 0.16 },
              { label: t.unit, share: 0.14 },
              { label: t.targetYear, share: 0.08, align: "center" },
              { label: `${t.latest} (${t.period.toLocaleLowerCase("vi")})`, share: 0.13, align: "right" },
              { label: t.progress, share: 0.13, align: "right" },
            ],
            targets.map((target, i) => ({
              cells: [
                String(i + 1),
                target.title,
                planReference(target.plan),
                target.unit,
                String(target.targetYear),
                target.latest
                  ? `${formatNumber(Number(target.latest.value), 4)} (${target.latest.period})`
                  : t.noMeasurement,
                target.progress.percent === null ? "—" : formatPercent(target.progress.percent),
              ],
            })),
          ),
        ]),
  ];
}

/**
 * The 6-month or yearly progress report of a unit ("2025-H1", "2025") as an official document
 * in the layout of Decree 30/2020/NĐ-CP, every figure computed from the records by the same
 * roll-ups as the dashboard (and with the same rights: the actor must be able to roll the
 * unit up). Left unnumbered and undated, to be registered when signed.
 */
export async function exportReportDocx(db: Db, actor: Actor, query: RollupQuery): Promise<ExportFile> {
  const rollups = await unitRollups(db, actor, query);
  const { unit, criteria } = rollups;
  const [issuer, signer] = await Promise.all([loadIssuingBody(db, unit), reportSigner(db, unit.id, actor)]);
  const period = periodPhrase(criteria.period);
  const summary = `Kết quả thực hiện xây dựng nông thôn mới và các kế hoạch ${period}`;

  const document = decree30Document({
    title: `Báo cáo ${period} — ${unit.name}`,
    subject: summary,
    children: [
      documentHeader({
        issuer,
        reference: `${UNNUMBERED}/BC-${issuer.abbreviation}`,
        date: null,
        year: todayInVietnam().getUTCFullYear(),
      }),
      ...documentTitle("BÁO CÁO", summary),
      bodyParagraph(
        `Căn cứ kết quả đánh giá các tiêu chí và số liệu thực hiện các kế hoạch trên hệ thống Chung Tay, ${issuer.fullName} báo cáo kết quả thực hiện ${period} như sau:`,
      ),
      ...criteriaPart(rollups),
      ...planningPart(rollups),
      ...signatureBlock(signer),
    ],
  });
  return {
    filename: safeFileName(`Báo cáo ${unit.name} ${criteria.period}.docx`),
    contentType: DOCX_TYPE,
    data: await toBuffer(document),
  };
}
