"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { shortageTone } from "@/components/planning/shortages-tab";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { useTRPC } from "@/lib/trpc/react";
import { PlanReference } from "@/components/plans/plan-reference";
import { useNumberFormat } from "@/components/ui/use-number-format";

/** What the unit and the units beneath it lack, summed by category, with each record and its plan. */
export function UnitShortages({ unitId }: { unitId: string }) {
  const { formatNumber } = useNumberFormat();
  const t = useTranslations();
  const trpc = useTRPC();
  const { data } = useQuery(trpc.units.shortages.queryOptions({ id: unitId }));
  if (!data) return null;
  if (data.shortages.length === 0) return <EmptyState>{t("shortages.empty")}</EmptyState>;
  return (
    <div className="space-y-3" data-testid="unit-shortages">
      <ul className="space-y-1 text-sm font-medium text-slate-900">
        {data.totals.map((total) => (
          <li key={`${total.category}|${total.unitLabel}`}>
            {t(`shortages.categories.${total.category}`)}:{" "}
            {t("shortages.totalLine", {
              quantity: formatNumber(total.quantity),
              unitLabel: total.unitLabel,
              open: formatNumber(total.open),
            })}
          </li>
        ))}
      </ul>
      <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto text-sm">
        {data.shortages.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
            <span>
              {t(`shortages.categories.${s.category}`)}: {formatNumber(s.quantity)} {s.unitLabel} · {s.unit.name}
              {s.description && ` · ${s.description}`}
            </span>
            <span className="flex items-center gap-2">
              <Badge tone={shortageTone[s.status]}>{t(`shortages.statuses.${s.status}`)}</Badge>
              <Link href={`/plans/${s.plan.id}?tab=shortages`} className="text-brand-700 hover:underline">
                <PlanReference plan={s.plan} />
              </Link>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
