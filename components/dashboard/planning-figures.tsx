"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { MoneyUnitNote } from "@/components/planning/money-unit-note";
import { ProgressBar } from "@/components/planning/progress-bar";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatInUnit, formatVnd, moneyUnit } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import type { CAPITAL_SOURCES } from "@/lib/domain/planning";
import { PlanReference } from "@/components/plans/plan-reference";
import { useNumberFormat } from "@/components/ui/use-number-format";

type CapitalSource = (typeof CAPITAL_SOURCES)[number];

/**
 * What the plans beneath the unit add up to for a year: money, milestones, shortages, targets.
 * Approved plans only, unless the reader ticks the box to see what drafts would add.
 */
export function PlanningFigures({ unitId, year }: { unitId: string; year: number }) {
  const { formatNumber, formatPercent } = useNumberFormat();
  const t = useTranslations();
  const trpc = useTRPC();
  const [includeUnapproved, setIncludeUnapproved] = useState(false);
  const { data } = useQuery({
    ...trpc.dashboard.planning.queryOptions({ unitId, year, includeUnapproved }),
    placeholderData: keepPreviousData,
  });
  const [source, setSource] = useState<CapitalSource | null>(null);
  if (!data) return null;
  const unit = moneyUnit(data.budget.bySource.flatMap((s) => [s.allocated, s.disbursed]));
  const empty = !data.budget.bySource.length && !data.milestones.due && !data.shortages.length && !data.targets.length;
  return (
    <section aria-label={t("dashboard.planning", { year })} className="space-y-6">
      <h2 className="text-lg font-semibold text-slate-900">{t("dashboard.planning", { year })}</h2>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm text-slate-600">
        <p data-testid="planning-scope">
          {t(data.includesUnapproved ? "dashboard.withUnapproved" : "dashboard.approvedOnly", {
            count: data.unapprovedPlans,
          })}
        </p>
        {(data.unapprovedPlans > 0 || includeUnapproved) && (
          <Checkbox
            label={t("dashboard.includeUnapproved")}
            checked={includeUnapproved}
            onChange={setIncludeUnapproved}
          />
        )}
      </div>
      {empty && <EmptyState>{t("dashboard.noPlanning")}</EmptyState>}
      <div className="grid gap-6 lg:grid-cols-2">
        {data.budget.bySource.length > 0 && (
          <Card title={t("dashboard.budget")}>
            <p className="text-sm text-slate-700" data-testid="dashboard-budget">
              {t("dashboard.budgetTotal", {
                disbursed: formatVnd(data.budget.total.disbursed),
                allocated: formatVnd(data.budget.total.allocated),
                rate: formatPercent(data.budget.total.rate),
              })}
            </p>
            <table className="mt-3 w-full text-left text-sm" data-testid="dashboard-budget-table">
              <caption className="mb-1 text-right text-xs">
                <MoneyUnitNote unit={unit} />
              </caption>
              <thead className="text-xs text-slate-500">
                <tr>
                  <th className="py-1 font-medium">{t("budget.source")}</th>
                  <th className="py-1 text-right font-medium">{t("budget.allocated")}</th>
                  <th className="py-1 text-right font-medium">{t("budget.disbursed")}</th>
                  <th className="py-1 text-right font-medium">{t("budget.rate")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.budget.bySource.map((s) => (
                  <tr key={s.source}>
                    <td className="py-1">
                      <button
                        type="button"
                        className="text-left text-brand-700 hover:underline"
                        aria-expanded={source === s.source}
                        onClick={() => setSource(source === s.source ? null : s.source)}
                      >
                        {t(`budget.sources.${s.source}`)}
                      </button>
                    </td>
                    <td className="py-1 text-right tabular-nums">{formatInUnit(s.allocated, unit)}</td>
                    <td className="py-1 text-right tabular-nums">{formatInUnit(s.disbursed, unit)}</td>
                    <td className="py-1 text-right tabular-nums">{formatPercent(s.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {source && (
              <BudgetLines unitId={unitId} year={year} source={source} includeUnapproved={includeUnapproved} />
            )}
          </Card>
        )}
        {data.shortages.length > 0 && (
          <Card title={t("dashboard.shortages")}>
            <ul className="space-y-3 text-sm" data-testid="dashboard-shortages">
              {data.shortages.map((s) => (
                <li key={`${s.category}|${s.unitLabel}`}>
                  <p className="font-medium text-slate-900">{t(`shortages.categories.${s.category}`)}</p>
                  <p className="text-slate-600">
                    {t("dashboard.shortageLine", {
                      open: formatNumber(s.open),
                      unitLabel: s.unitLabel,
                      covered: formatNumber(s.covered),
                    })}
                  </p>
                  <ProgressBar label={t(`shortages.categories.${s.category}`)} percent={s.coveredRate} />
                </li>
              ))}
            </ul>
            <Link
              href={`/units/${unitId}#shortages`}
              className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline"
            >
              {t("dashboard.shortageRecords")}
            </Link>
          </Card>
        )}
        {data.milestones.due > 0 && (
          <Card title={t("dashboard.milestones")}>
            <p className="text-sm text-slate-700">
              {t("dashboard.milestoneCounts", {
                due: data.milestones.due,
                done: data.milestones.done,
                overdue: data.milestones.overdue,
              })}
            </p>
            {data.milestones.overdueList.length > 0 && (
              <ul className="mt-3 divide-y divide-slate-100 text-sm">
                {data.milestones.overdueList.map((m) => (
                  <li key={m.id} className="py-1.5">
                    <Link
                      href={`/plans/${m.plan.id}?tab=milestones`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {m.title}
                    </Link>
                    <span className="text-slate-500">
                      {" "}
                      · {m.ownerUnit.name} · {formatDate(m.dueOn)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <Link
              href={`/milestones?unit=${unitId}&year=${year}${includeUnapproved ? "&all=1" : ""}`}
              className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline"
            >
              {t("timeline.fromDashboard")}
            </Link>
          </Card>
        )}
        {data.targets.length > 0 && (
          <Card title={t("dashboard.targets")}>
            <ul className="space-y-3 text-sm">
              {data.targets.map((target) => (
                <li key={target.id}>
                  <Link
                    href={`/plans/${target.plan.id}?tab=targets`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {target.title}
                  </Link>
                  <span className="text-slate-500"> · {target.plan.issuingUnit.name}</span>
                  <ProgressBar label={target.title} percent={target.progress.percent} />
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    </section>
  );
}

/** The budget lines behind one capital source's figures, with the plans they belong to. */
function BudgetLines(query: { unitId: string; year: number; source: CapitalSource; includeUnapproved: boolean }) {
  const { formatPercent } = useNumberFormat();
  const t = useTranslations();
  const trpc = useTRPC();
  const { source } = query;
  const { data } = useQuery(trpc.dashboard.budgetLines.queryOptions(query));
  return (
    <ul
      className="mt-3 max-h-72 divide-y divide-slate-100 overflow-y-auto border-t border-slate-200 text-sm"
      aria-label={t(`budget.sources.${source}`)}
      data-testid="budget-drill-down"
    >
      {data?.map((line) => (
        <li key={line.id} className="flex flex-wrap justify-between gap-2 py-1.5">
          <span>
            <Link href={`/plans/${line.plan.id}?tab=budget`} className="font-medium text-brand-700 hover:underline">
              <PlanReference plan={line.plan} />
            </Link>
            <span className="text-slate-500">
              {" "}
              · {line.plan.issuingUnit.name}
              {line.description && ` · ${line.description}`}
            </span>
          </span>
          <span className="tabular-nums">
            {formatVnd(line.disbursed)} / {formatVnd(line.allocated)} ({formatPercent(line.rate)})
          </span>
        </li>
      ))}
    </ul>
  );
}
