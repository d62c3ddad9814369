import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/lib/format";
import type { PlanSummary } from "@/server/plans/plan-select";
import { PlanStatusBadge } from "./plan-status-badge";
import { PlanReference } from "@/components/plans/plan-reference";

/** Plans as a table on wide screens and as a list of cards on phones (or always, when compact). */
export function PlanTable({
  plans,
  empty,
  compact = false,
}: {
  plans: PlanSummary[];
  empty: string;
  compact?: boolean;
}) {
  const t = useTranslations("plans");
  if (!plans.length) return <EmptyState>{empty}</EmptyState>;
  return (
    <>
      <table className={cn("hidden w-full text-left text-sm", !compact && "md:table")}>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">
              {t("reference")}
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              {t("titleField")}
            </th>
            <th scope="col" className="w-44 py-2 pr-3 font-medium">
              {t("issuingUnit")}
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              {t("year")}
            </th>
            <th scope="col" className="py-2 font-medium">
              {t("status")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {plans.map((plan) => (
            <tr key={plan.id} className="align-top hover:bg-slate-50">
              <td className="whitespace-nowrap py-3 pr-3 font-medium">
                <Link href={`/plans/${plan.id}`} className="text-brand-700 hover:underline">
                  <PlanReference plan={plan} />
                </Link>
                {plan.issuedOn && <div className="text-xs font-normal text-slate-500">{formatDate(plan.issuedOn)}</div>}
              </td>
              <td className="py-3 pr-3 text-slate-800">
                <Link href={`/plans/${plan.id}`} className="line-clamp-2 hover:underline">
                  {plan.title}
                </Link>
              </td>
              <td className="py-3 pr-3 text-slate-600">{plan.issuingUnit.name}</td>
              <td className="whitespace-nowrap py-3 pr-3 text-slate-600">
                {plan.year ?? `${plan.periodStart}–${plan.periodEnd}`}
              </td>
              <td className="py-3">
                <PlanStatusBadge plan={plan} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className={cn("divide-y divide-slate-100", !compact && "md:hidden")}>
        {plans.map((plan) => (
          <li key={plan.id} className="py-3">
            <div className="flex items-start justify-between gap-2">
              <Link href={`/plans/${plan.id}`} className="font-medium text-brand-700">
                <PlanReference plan={plan} />
              </Link>
              <PlanStatusBadge plan={plan} />
            </div>
            <p className="mt-1 line-clamp-2 text-sm text-slate-800">{plan.title}</p>
            <p className="mt-1 text-xs text-slate-500">
              {plan.issuingUnit.name} · {plan.year ?? `${plan.periodStart}–${plan.periodEnd}`}
              {plan.issuedOn && ` · ${formatDate(plan.issuedOn)}`}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
