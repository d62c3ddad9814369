import { useLocale, useTranslations } from "next-intl";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { useNumberFormat } from "@/components/ui/use-number-format";

type Rollup = inferRouterOutputs<AppRouter>["dashboard"]["criteria"];

/**
 * The rate met per criterion as bars, with the same figures as a table beside it for screen
 * readers and for copying; each "met" count opens the units behind it.
 */
export function CriteriaChart({ rollup, onDrill }: { rollup: Rollup; onDrill: (criterion: number) => void }) {
  const { formatNumber, formatPercent } = useNumberFormat();
  const t = useTranslations("dashboard");
  const locale = useLocale();
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <figure aria-hidden="true" className="space-y-1">
        <figcaption className="mb-2 text-xs font-medium uppercase text-slate-500">{t("chart")}</figcaption>
        {rollup.criteria.map((c) => (
          <div key={c.number} className="flex items-center gap-2 text-xs">
            <span className="w-6 text-right tabular-nums text-slate-500">{c.number}</span>
            <div className="relative h-4 flex-1 rounded bg-slate-100">
              <div className="absolute inset-y-0 left-0 rounded bg-brand-600" style={{ width: `${c.rate}%` }} />
              {rollup.set.hasLevels && c.advanced + c.model > 0 && (
                <div
                  className="absolute inset-y-0 left-0 rounded-l bg-emerald-800"
                  style={{ width: `${((c.advanced + c.model) / rollup.units) * 100}%` }}
                />
              )}
            </div>
            <span className="w-14 text-right tabular-nums text-slate-700">{formatPercent(c.rate)}</span>
          </div>
        ))}
      </figure>
      <table className="w-full text-left text-sm" data-testid="criteria-table">
        <caption className="mb-2 text-left text-xs font-medium uppercase text-slate-500">{t("table")}</caption>
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-1 pr-2 font-medium">{t("number")}</th>
            <th className="py-1 pr-2 font-medium">{t("name")}</th>
            <th className="py-1 pr-2 text-right font-medium">{t("met")}</th>
            <th className="py-1 pr-2 text-right font-medium">{t("rate")}</th>
            {rollup.set.hasLevels && <th className="py-1 pr-2 text-right font-medium">{t("advanced")}</th>}
            {rollup.set.hasLevels && <th className="py-1 text-right font-medium">{t("model")}</th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rollup.criteria.map((c) => (
            <tr key={c.number}>
              <td className="py-1 pr-2 tabular-nums">{c.number}</td>
              <td className="py-1 pr-2">{locale === "en" ? c.nameEn : c.name}</td>
              <td className="py-1 pr-2 text-right tabular-nums">
                <button
                  type="button"
                  className="text-brand-700 hover:underline"
                  onClick={() => onDrill(c.number)}
                  aria-label={t("criterionLine", {
                    met: c.met,
                    units: rollup.units,
                    number: c.number,
                    rate: formatPercent(c.rate),
                  })}
                >
                  {formatNumber(c.met)}/{formatNumber(rollup.units)}
                </button>
              </td>
              <td className="py-1 pr-2 text-right tabular-nums">{formatPercent(c.rate)}</td>
              {rollup.set.hasLevels && (
                <td className="py-1 pr-2 text-right tabular-nums">{formatNumber(c.advanced)}</td>
              )}
              {rollup.set.hasLevels && <td className="py-1 text-right tabular-nums">{formatNumber(c.model)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
