"use client";

import { useTranslations } from "next-intl";
import { controlClass } from "@/components/ui/field";
import { type MarksReport, RESULTS } from "@/lib/domain/imports";
import { useNumberFormat } from "@/components/ui/use-number-format";

/**
 * How the criteria cells of the file are read: each mark found (x, ✓, NC…) with the result
 * it stands for and where that meaning comes from (the word itself, the default, the file's
 * legend, the user), and what an empty cell means. A meaning may be changed, then the file
 * is checked again.
 */
export function ImportMarks({
  marks,
  chosen,
  onChange,
}: {
  marks: MarksReport;
  chosen: Record<string, string>;
  onChange: (marks: Record<string, string>) => void;
}) {
  const { formatNumber } = useNumberFormat();
  const t = useTranslations();
  const results = RESULTS.map((r) => ({ value: r, label: t(`criteria.results.${r}`) }));
  return (
    <section aria-label={t("imports.marks.title")} className="space-y-2" data-testid="import-marks">
      <h3 className="text-sm font-semibold text-slate-900">{t("imports.marks.title")}</h3>
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase text-slate-500">
            <tr>
              <th className="px-3 py-2 font-medium">{t("imports.marks.mark")}</th>
              <th className="px-3 py-2 font-medium">{t("imports.marks.meaning")}</th>
              <th className="px-3 py-2 font-medium">{t("imports.marks.source")}</th>
              <th className="px-3 py-2 text-right font-medium">{t("imports.marks.count")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {marks.marks.map((m) => (
              <tr key={m.mark}>
                <td className="px-3 py-1.5 font-mono font-medium">{m.mark}</td>
                <td className="px-3 py-1">
                  {m.from === "word" ? (
                    t(`criteria.results.${m.result}`)
                  ) : (
                    <select
                      aria-label={`${t("imports.marks.meaning")}: ${m.mark}`}
                      className={controlClass}
                      value={chosen[m.mark] ?? m.result}
                      onChange={(e) => onChange({ ...chosen, [m.mark]: e.target.value })}
                    >
                      {results.map((r) => (
                        <option key={r.value} value={r.value}>
                          {r.label}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td className="px-3 py-1.5 text-slate-600">{t(`imports.marks.from.${m.from}`)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatNumber(m.count)}</td>
              </tr>
            ))}
            <tr>
              <td className="px-3 py-1.5 text-slate-700">{t("imports.marks.blank")}</td>
              <td className="px-3 py-1">
                <select
                  aria-label={`${t("imports.marks.meaning")}: ${t("imports.marks.blank")}`}
                  className={controlClass}
                  value={chosen[""] ?? marks.blank.meaning}
                  onChange={(e) => onChange({ ...chosen, "": e.target.value })}
                >
                  <option value="keep">{t("imports.marks.blankMeanings.keep")}</option>
                  <option value="not_met">{t("imports.marks.blankMeanings.not_met")}</option>
                </select>
              </td>
              <td className="px-3 py-1.5 text-slate-600">{t(`imports.marks.from.${marks.blank.from}`)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{formatNumber(marks.blank.count)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-500">
        {marks.legendRow !== null && `${t("imports.marks.legendRow", { row: marks.legendRow })} `}
        {t("imports.marks.hint")}
      </p>
    </section>
  );
}
