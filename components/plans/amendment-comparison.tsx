"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { TextDiff } from "@/components/document/text-diff";
import { Button } from "@/components/ui/button";
import { formatNumber, formatVnd } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";

/** What the amendment changes in the plan in force: how much content each holds, and the text word by word. */
export function AmendmentComparison({ planId }: { planId: string }) {
  const t = useTranslations("amendments");
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const comparison = useQuery({ ...trpc.documents.compareWithAmended.queryOptions({ planId }), enabled: open });
  const data = comparison.data;
  const rows = data
    ? ([
        [t("targets"), formatNumber(data.inForce.targets), formatNumber(data.amendment.targets)],
        [t("milestones"), formatNumber(data.inForce.milestones), formatNumber(data.amendment.milestones)],
        [t("shortages"), formatNumber(data.inForce.shortages), formatNumber(data.amendment.shortages)],
        [t("allocated"), formatVnd(data.inForce.allocated), formatVnd(data.amendment.allocated)],
      ] as const)
    : [];
  return (
    <div className="space-y-3">
      <Button variant="secondary" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? t("hideCompare") : t("compare")}
      </Button>
      {open && !data && <div className="h-32 animate-pulse rounded-lg bg-slate-100" aria-busy="true" />}
      {open && data && (
        <div className="space-y-4" data-testid="amendment-comparison">
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
                  <th className="py-2 pr-3 font-medium">{t("figures")}</th>
                  <th className="py-2 pr-3 text-right font-medium">{t("inForce")}</th>
                  <th className="py-2 text-right font-medium">{t("amendment")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(([label, before, after]) => (
                  <tr key={label} className="border-b border-slate-100">
                    <th scope="row" className="py-2 pr-3 text-left font-normal text-slate-700">
                      {label}
                    </th>
                    <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums">{before}</td>
                    <td
                      className={`whitespace-nowrap py-2 text-right tabular-nums ${before !== after ? "font-semibold text-brand-800" : ""}`}
                    >
                      {after}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div>
            <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">{t("text")}</h3>
            <div className="rounded-lg border border-slate-200 bg-white">
              <TextDiff parts={data.comparison} empty={t("noTextChanges")} />
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
