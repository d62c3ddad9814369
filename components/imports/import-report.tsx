"use client";

import { useTranslations } from "next-intl";
import { Badge, type Tone } from "@/components/ui/badge";
import { type FieldChange, type ImportIssue, type ImportReport, type RowStatus, showValue } from "@/lib/domain/imports";
import { useNumberFormat } from "@/components/ui/use-number-format";

const STATUS_TONES: Record<RowStatus, Tone> = { create: "green", update: "blue", unchanged: "slate", error: "red" };

/** An issue's message in the reader's language, with its values. */
export function useIssueText() {
  const t = useTranslations();
  return (issue: Pick<ImportIssue, "message" | "params">) =>
    t.has(issue.message) ? t(issue.message, issue.params) : t("imports.errors.badValue");
}

/** "TC5: Chưa đạt → Đạt", "Kinh phí: 900.000.000 đồng → 850.000.000 đồng": a field before → after. */
function ChangeList({ changes }: { changes: FieldChange[] }) {
  const t = useTranslations();
  const show = (value: FieldChange["before"]) => (value ? showValue(value, (key, params) => t(key, params)) : "—");
  return (
    <ul className="space-y-0.5 text-xs text-slate-700">
      {changes.map((c, i) => (
        <li key={i}>
          <span className="font-medium">{c.column}</span>:{" "}
          {c.before && <span className="text-slate-500 line-through">{show(c.before)}</span>}
          {c.before && " → "}
          <span className="font-medium text-slate-900">{show(c.after)}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * What an import will do (or did): the counts, problems with the file as a whole, every row
 * problem by row and column, and the first rows with what happens to each.
 */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { formatNumber } = useNumberFormat();
  const t = useTranslations("imports");
  const text = useIssueText();
  const counts = [
    { key: "create", value: report.counts.create, tone: "text-emerald-800" },
    { key: "update", value: report.counts.update, tone: "text-blue-800" },
    { key: "unchanged", value: report.counts.unchanged, tone: "text-slate-800" },
    { key: "errorRows", value: report.counts.errorRows, tone: "text-red-800" },
  ] as const;
  return (
    <div className="space-y-5" data-testid="import-report">
      {report.fileIssues.length > 0 && (
        <div
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
          data-testid="import-file-issues"
        >
          <p className="font-semibold">{t("fileProblems")}</p>
          <ul className="mt-1 list-disc pl-5">
            {report.fileIssues.map((issue, i) => (
              <li key={i}>{text(issue)}</li>
            ))}
          </ul>
        </div>
      )}
      {report.fileIssues.length === 0 && (
        <>
          <p className="text-sm text-slate-700">{t("rowCount", { count: report.rowCount })}</p>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="import-counts">
            {counts.map((c) => (
              <div key={c.key} className="rounded-md border border-slate-200 bg-white px-3 py-2">
                <dt className="text-xs font-medium text-slate-500">{t(`counts.${c.key}`)}</dt>
                <dd className={`text-xl font-semibold tabular-nums ${c.tone}`} data-testid={`import-count-${c.key}`}>
                  {formatNumber(c.value)}
                </dd>
              </div>
            ))}
          </dl>
          <p className="text-xs text-slate-500">{t("countsHint")}</p>
        </>
      )}
      {report.skippedCount > 0 && (
        <details className="rounded-md border border-slate-200" data-testid="import-skipped">
          <summary className="cursor-pointer px-3 py-2 text-sm text-slate-700">
            {t("skipped.count", { count: report.skippedCount })}
          </summary>
          <div className="max-h-64 overflow-auto border-t border-slate-200">
            <table className="w-full text-left text-sm">
              <thead className="sticky top-0 bg-slate-50 text-xs uppercase text-slate-500">
                <tr>
                  <th className="w-16 px-3 py-2 font-medium">{t("row")}</th>
                  <th className="w-40 px-3 py-2 font-medium">{t("skipped.title")}</th>
                  <th className="px-3 py-2 font-medium">{t("key")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {report.skipped.map((s) => (
                  <tr key={s.row}>
                    <td className="px-3 py-1.5 tabular-nums">{s.row}</td>
                    <td className="px-3 py-1.5">{t(`skipped.reasons.${s.reason}`)}</td>
                    <td className="px-3 py-1.5 text-slate-600">{s.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.skippedCount > report.skipped.length && (
            <p className="px-3 py-2 text-xs text-slate-500">
              {t("skipped.more", {
                shown: report.skipped.length,
                total: report.skippedCount,
              })}
            </p>
          )}
        </details>
      )}
      {report.warnings.length > 0 && (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p className="font-semibold">{t("warnings")}</p>
          <ul className="mt-1 list-disc pl-5">
            {report.warnings.map((issue, i) => (
              <li key={i}>{text(issue)}</li>
            ))}
          </ul>
        </div>
      )}
      {report.issues.length > 0 && (
        <section aria-label={t("issues")}>
          <h3 className="mb-2 text-sm font-semibold text-slate-900">{t("issues")}</h3>
          <div className="max-h-96 overflow-auto rounded-md border border-slate-200">
            <table className="w-full text-left text-sm" data-testid="import-issues">
              <thead className="sticky top-0 bg-slate-50 text-xs uppercase text-slate-500">
                <tr>
                  <th className="w-16 px-3 py-2 font-medium">{t("row")}</th>
                  <th className="w-48 px-3 py-2 font-medium">{t("column")}</th>
                  <th className="px-3 py-2 font-medium">{t("problem")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {report.issues.map((issue, i) => (
                  <tr key={i}>
                    <td className="px-3 py-1.5 tabular-nums">{issue.row}</td>
                    <td className="px-3 py-1.5 font-medium text-slate-700">{issue.column ?? "—"}</td>
                    <td className="px-3 py-1.5 text-red-800">{text(issue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.issueCount > report.issues.length && (
            <p className="mt-1 text-xs text-slate-500">
              {t("moreIssues", { shown: report.issues.length, total: report.issueCount })}
            </p>
          )}
        </section>
      )}
      {report.rows.length > 0 && (
        <details
          className="rounded-md border border-slate-200"
          open={report.rowCount <= 20 || report.rows.some((r) => r.status === "update")}
        >
          <summary className="cursor-pointer px-3 py-2 text-sm font-semibold text-slate-900">{t("rowsTitle")}</summary>
          <div className="max-h-80 overflow-auto border-t border-slate-200">
            <table className="w-full text-left text-sm" data-testid="import-rows">
              <thead className="sticky top-0 bg-slate-50 text-xs uppercase text-slate-500">
                <tr>
                  <th className="w-16 px-3 py-2 font-medium">{t("row")}</th>
                  <th className="px-3 py-2 font-medium">{t("key")}</th>
                  <th className="w-40 px-3 py-2 font-medium">{t("status")}</th>
                  <th className="px-3 py-2 font-medium">{t("changes")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {report.rows.map((row) => (
                  <tr key={row.row}>
                    <td className="px-3 py-1.5 tabular-nums">{row.row}</td>
                    <td className="px-3 py-1.5">{row.key || "—"}</td>
                    <td className="px-3 py-1.5">
                      <Badge tone={STATUS_TONES[row.status]}>{t(`statuses.${row.status}`)}</Badge>
                    </td>
                    <td className="px-3 py-1.5">
                      <ChangeList changes={row.changes} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.rowCount > report.rows.length && (
            <p className="px-3 py-2 text-xs text-slate-500">
              {t("rowsShown", { shown: report.rows.length, total: report.rowCount })}
            </p>
          )}
        </details>
      )}
    </div>
  );
}
