"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { useTRPC } from "@/lib/trpc/react";
import { useNumberFormat } from "@/components/ui/use-number-format";

/**
 * The record across periods, one block per criteria set side by side: a line of the average
 * criteria met (on the set's own scale) and the table with the same figures.
 */
export function CriteriaTrend({ unitId }: { unitId: string }) {
  const { formatNumber } = useNumberFormat();
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const trpc = useTRPC();
  const { data } = useQuery(trpc.dashboard.trend.queryOptions({ unitId }));
  if (!data?.length) return null;
  return (
    <Card title={t("trend")}>
      <p className="mb-4 text-sm text-slate-600">{t("trendNote")}</p>
      <div className="grid gap-6 lg:grid-cols-2" data-testid="criteria-trend">
        {data.map(({ set, periods }) => (
          <section key={set.code} aria-label={locale === "en" ? set.nameEn : set.name}>
            <h3 className="text-sm font-semibold text-slate-900">{locale === "en" ? set.nameEn : set.name}</h3>
            <TrendLine values={periods.map((p) => p.averageMet)} max={set.criteria} label={t("trendChart")} />
            <table className="mt-2 w-full text-left text-sm">
              <thead className="text-xs text-slate-500">
                <tr>
                  <th className="py-1 font-medium">{t("period")}</th>
                  <th className="py-1 text-right font-medium">{t("units")}</th>
                  <th className="py-1 text-right font-medium">{t("allMetShort")}</th>
                  <th className="py-1 text-right font-medium">{t("averageShort")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {periods.map((p) => (
                  <tr key={p.period}>
                    <td className="py-1">{p.period}</td>
                    <td className="py-1 text-right tabular-nums">{formatNumber(p.units)}</td>
                    <td className="py-1 text-right tabular-nums">{formatNumber(p.allMet)}</td>
                    <td className="py-1 text-right tabular-nums">
                      {formatNumber(p.averageMet, 2)}/{set.criteria}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </Card>
  );
}

/**
 * A small line chart; a single period is a bar from the baseline (a lone dot reads as nothing).
 * The table beside it carries the figures for screen readers.
 */
function TrendLine({ values, max, label }: { values: number[]; max: number; label: string }) {
  const width = 300;
  const height = 80;
  const baseline = height - 8;
  const x = (i: number) => (values.length === 1 ? width / 2 : 10 + (i * (width - 20)) / (values.length - 1));
  const y = (v: number) => baseline - (v / max) * (height - 16);
  const [only] = values;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="mt-2 h-20 w-full" aria-hidden="true">
      <title>{label}</title>
      <line x1="0" x2={width} y1={baseline} y2={baseline} className="stroke-slate-200" />
      {values.length === 1 && only !== undefined ? (
        <rect x={width / 2 - 20} y={y(only)} width="40" height={baseline - y(only)} className="fill-brand-600" />
      ) : (
        <>
          <polyline
            points={values.map((v, i) => `${x(i)},${y(v)}`).join(" ")}
            className="fill-none stroke-brand-600"
            strokeWidth="2"
          />
          {values.map((v, i) => (
            <circle key={i} cx={x(i)} cy={y(v)} r="3" className="fill-brand-700" />
          ))}
        </>
      )}
    </svg>
  );
}
