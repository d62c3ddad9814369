"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import type { TableLayout } from "@/lib/domain/imports";

/** How the file is to be read: the choices the user can make over what the server found. */
export interface ReadChoices {
  sheet?: string;
  headerRow?: number;
  headerRows?: 1 | 2;
  mapping: Record<string, string>;
  marks: Record<string, string>;
}

/**
 * The mapping step: the sheet and header row the table was found at (another may be chosen),
 * and every column of the file with what it is read as; an unrecognised column can be said to
 * be a column of the kind or ignored, and the file is checked again.
 */
export function ImportLayout({
  layout,
  choices,
  onChange,
  onRecheck,
  busy,
}: {
  layout: TableLayout;
  choices: ReadChoices;
  onChange: (choices: ReadChoices) => void;
  onRecheck: () => void;
  busy: boolean;
}) {
  const t = useTranslations("imports.layout");
  const unknown = layout.columns.filter((c) => c.how === "unknown").length;
  const select = (heading: string, value: string) =>
    onChange({ ...choices, mapping: { ...choices.mapping, [heading]: value } });
  return (
    <section aria-label={t("title")} className="space-y-3" data-testid="import-layout">
      <p className="text-sm text-slate-700">{t("found", { sheet: layout.sheet, rows: layout.headerRows.join("–") })}</p>
      <div className="grid gap-3 sm:grid-cols-3">
        {layout.sheets.length > 1 && (
          <label className="text-sm text-slate-700">
            <span className="mb-1 block font-medium">{t("sheet")}</span>
            <select
              className={controlClass}
              value={choices.sheet ?? ""}
              onChange={(e) => onChange({ ...choices, sheet: e.target.value || undefined, headerRow: undefined })}
            >
              <option value="">{t("auto")}</option>
              {layout.sheets.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="text-sm text-slate-700">
          <span className="mb-1 block font-medium">{t("headerRow")}</span>
          <input
            className={controlClass}
            inputMode="numeric"
            placeholder={String(layout.headerRows[0])}
            value={choices.headerRow ?? ""}
            onChange={(e) => onChange({ ...choices, headerRow: Number(e.target.value) || undefined })}
          />
        </label>
        <label className="text-sm text-slate-700">
          <span className="mb-1 block font-medium">{t("headerRows")}</span>
          <select
            className={controlClass}
            value={choices.headerRows ?? ""}
            onChange={(e) =>
              onChange({ ...choices, headerRows: e.target.value ? (Number(e.target.value) as 1 | 2) : undefined })
            }
          >
            <option value="">{t("auto")}</option>
            <option value="1">{t("oneRow")}</option>
            <option value="2">{t("twoRows")}</option>
          </select>
        </label>
      </div>
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="w-full text-left text-sm" data-testid="import-columns">
          <thead className="bg-slate-50 text-xs uppercase text-slate-500">
            <tr>
              <th className="px-3 py-2 font-medium">{t("column")}</th>
              <th className="px-3 py-2 font-medium">{t("readAs")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {layout.columns.map((column) => (
              <tr key={column.index} className={column.how === "unknown" ? "bg-amber-50" : undefined}>
                <td className="px-3 py-1.5 font-medium text-slate-800">
                  {column.heading}
                  {column.how !== "recognised" && (
                    <span className="ml-2">
                      <Badge tone={column.how === "unknown" ? "amber" : "blue"}>{t(`how.${column.how}`)}</Badge>
                    </span>
                  )}
                </td>
                <td className="px-3 py-1">
                  <select
                    aria-label={`${t("readAs")}: ${column.heading}`}
                    className={controlClass}
                    value={choices.mapping[column.heading] ?? column.target ?? "ignore"}
                    onChange={(e) => select(column.heading, e.target.value)}
                  >
                    <option value="ignore">{t("ignored")}</option>
                    {layout.targets.map((target) => (
                      <option key={target.key} value={target.key}>
                        {target.label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={onRecheck} disabled={busy}>
          {t("recheck")}
        </Button>
        {unknown > 0 && <p className="text-xs text-slate-600">{t("hint")}</p>}
      </div>
    </section>
  );
}
