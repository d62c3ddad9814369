"use client";

import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { CriteriaChart } from "./criteria-chart";
import { CriteriaTrend } from "./criteria-trend";
import { DrillDown, type DrillQuery } from "./drill-down";
import { PlanningFigures } from "./planning-figures";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { useTRPC } from "@/lib/trpc/react";
import { useNumberFormat } from "@/components/ui/use-number-format";

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/**
 * A unit's roll-ups for a period: the criteria results of the units beneath it, which units
 * meet a chosen combination, how many meet how many criteria, and what their plans add up to.
 * Every figure opens the list of units behind it.
 */
export function Dashboard({ unitId, initialPeriod }: { unitId: string; initialPeriod?: string }) {
  const { formatNumber, formatPercent } = useNumberFormat();
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const trpc = useTRPC();
  const { data: options } = useSuspenseQuery(trpc.dashboard.periods.queryOptions({ unitId }));
  const [period, setPeriod] = useState(initialPeriod ?? options.periods[0] ?? String(new Date().getFullYear()));
  const [setCode, setSetCode] = useState<string>("");
  const [combination, setCombination] = useState<number[]>([]);
  const [drill, setDrill] = useState<DrillQuery | null>(null);
  const query = { unitId, period, setCode: setCode || undefined };
  const tExports = useTranslations("exports");
  const download = new URLSearchParams({ unit: unitId, period, ...(setCode ? { set: setCode } : {}) }).toString();
  const rollup = useQuery(trpc.dashboard.criteria.queryOptions(query));
  const together = useQuery({
    ...trpc.dashboard.units.queryOptions({ ...query, criteria: combination }),
    enabled: combination.length > 0,
  });
  const data = rollup.data;

  return (
    <div className="space-y-6" data-testid="dashboard">
      <div className="flex flex-wrap items-end gap-4">
        <label className="text-sm">
          <span className="block font-medium text-slate-800">{t("period")}</span>
          <select className={selectClass} value={period} onChange={(e) => setPeriod(e.target.value)}>
            {[...new Set([period, ...options.periods])].map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        {/* The sets' names are long: on a phone the choice takes the width, not more. */}
        <label className="w-full min-w-0 text-sm sm:w-auto">
          <span className="block font-medium text-slate-800">{t("set")}</span>
          <select
            className={cn(selectClass, "w-full sm:w-auto sm:max-w-md")}
            value={setCode}
            onChange={(e) => {
              setSetCode(e.target.value);
              setCombination([]);
            }}
          >
            <option value="">{t("autoSet")}</option>
            {options.sets.map((s) => (
              <option key={s.code} value={s.code}>
                {locale === "en" ? s.nameEn : s.name}
              </option>
            ))}
          </select>
        </label>
        <div className="flex flex-wrap gap-2 sm:ml-auto">
          {/* `download` keeps Next's router from fetching the file as a page. */}
          <ButtonLink
            href={`/api/export/report?${download}`}
            download
            prefetch={false}
            variant="secondary"
            title={tExports("reportDocxTitle")}
          >
            {tExports("reportDocx")}
          </ButtonLink>
          <ButtonLink
            href={`/api/export/report?${download}&format=pdf`}
            download
            prefetch={false}
            variant="secondary"
            title={tExports("reportPdfTitle")}
          >
            {tExports("reportPdf")}
          </ButtonLink>
          <ButtonLink
            href={`/api/export/dashboard?${download}`}
            download
            prefetch={false}
            variant="secondary"
            title={tExports("tableXlsxTitle")}
          >
            {tExports("tableXlsx")}
          </ButtonLink>
        </div>
      </div>

      <Card title={data ? `${t("criteria")} · ${locale === "en" ? data.set.nameEn : data.set.name}` : t("criteria")}>
        {rollup.error && <EmptyState>{t("noData")}</EmptyState>}
        {data && data.units === 0 && <EmptyState>{t("noData")}</EmptyState>}
        {data && data.units > 0 && (
          <div className="space-y-4">
            <p className="text-sm text-slate-700" data-testid="criteria-summary">
              {t("summary", {
                units: data.units,
                allMet: data.allMet,
                average: data.averageMet,
              })}
            </p>
            <CriteriaChart
              rollup={data}
              onDrill={(criterion) =>
                setDrill({
                  criteria: [criterion],
                  label: t("criterionLine", {
                    ...data.criteria.find((c) => c.number === criterion)!,
                    units: data.units,
                    number: criterion,
                    rate: formatPercent(data.criteria.find((c) => c.number === criterion)!.rate),
                  }),
                })
              }
            />
          </div>
        )}
      </Card>

      {data && data.units > 0 && (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={t("combination")}>
            <p className="text-sm text-slate-600">{t("combinationHint")}</p>
            <div className="mt-2 flex flex-wrap gap-x-3 gap-y-1">
              {data.criteria.map((c) => (
                <label key={c.number} className="flex items-center gap-1 text-sm">
                  <input
                    type="checkbox"
                    checked={combination.includes(c.number)}
                    onChange={(e) =>
                      setCombination(
                        e.target.checked
                          ? [...combination, c.number].sort((a, b) => a - b)
                          : combination.filter((n) => n !== c.number),
                      )
                    }
                  />
                  {c.number}
                </label>
              ))}
            </div>
            {combination.length > 0 && together.data && (
              <button
                type="button"
                className="mt-3 text-left text-sm font-semibold text-brand-700 hover:underline"
                data-testid="combination-result"
                onClick={() =>
                  setDrill({
                    criteria: combination,
                    label: t("combinationResult", {
                      count: together.data.units.length,
                      numbers: combination.join(", "),
                    }),
                  })
                }
              >
                {t("combinationResult", {
                  count: together.data.units.length,
                  numbers: combination.join(", "),
                })}
              </button>
            )}
          </Card>
          <Card title={t("distribution")}>
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-slate-500">
                <tr>
                  <th className="py-1 font-medium">{t("metColumn")}</th>
                  <th className="py-1 text-right font-medium">{t("units")}</th>
                  <th className="w-1/2">
                    <span className="sr-only">{t("chart")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.distribution.map(
                  (count, met) =>
                    count > 0 && (
                      <tr key={met}>
                        <td className="py-0.5">{t("criteriaMet", { count: met })}</td>
                        <td className="py-0.5 text-right tabular-nums">
                          <button
                            type="button"
                            className="text-brand-700 hover:underline"
                            onClick={() => setDrill({ metCount: met, label: t("criteriaMet", { count: met }) })}
                          >
                            {formatNumber(count)}
                          </button>
                        </td>
                        <td className="py-0.5 pl-3" aria-hidden="true">
                          <div
                            className="h-2 rounded bg-brand-600"
                            style={{ width: `${(count / data.units) * 100}%` }}
                          />
                        </td>
                      </tr>
                    ),
                )}
              </tbody>
            </table>
          </Card>
        </div>
      )}

      {drill && (
        <DrillDown
          query={{ ...query, criteria: drill.criteria, metCount: drill.metCount }}
          label={drill.label}
          onClose={() => setDrill(null)}
        />
      )}

      <CriteriaTrend unitId={unitId} />

      <PlanningFigures unitId={unitId} year={Number(period.slice(0, 4))} />
    </div>
  );
}
