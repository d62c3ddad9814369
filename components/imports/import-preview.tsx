"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ImportReport } from "@/lib/domain/imports";
import { ImportConfirm } from "./import-confirm";
import { ImportLayout, type ReadChoices } from "./import-layout";
import { ImportMarks } from "./import-marks";
import { ImportReportView } from "./import-report";

/**
 * The preview of a file: what it will do and every problem, how it was read (sheet, header,
 * columns, marks; each may be changed and the file checked again), what needs confirming,
 * and the button that imports all of it, or only its valid rows once the user has confirmed
 * how many units will be left without results.
 */
export function ImportPreview({
  preview,
  choices,
  onChoices,
  onRecheck,
  confirmed,
  onConfirmed,
  onImport,
  busy,
}: {
  preview: ImportReport;
  choices: ReadChoices;
  onChoices: (choices: ReadChoices) => void;
  onRecheck: (choices: ReadChoices) => void;
  confirmed: string[];
  onConfirmed: (keys: string[]) => void;
  onImport: (validOnly: boolean) => void;
  busy: boolean;
}) {
  const t = useTranslations();
  const writable = preview.fileIssues.length ? 0 : preview.counts.create + preview.counts.update;
  const validOnly = preview.counts.errorRows > 0;
  const asked = preview.confirmations.filter((c) => c.when === "always" || validOnly);
  const ready = asked.every((c) => confirmed.includes(c.key));
  return (
    <Card title={t("imports.previewTitle", { file: preview.fileName })}>
      <ImportReportView report={preview} />
      {preview.layout && (
        <details
          className="mt-5 rounded-md border border-slate-200 px-4 py-3"
          open={preview.fileIssues.length > 0 || preview.layout.columns.some((c) => c.how === "unknown")}
        >
          <summary className="cursor-pointer text-sm font-semibold text-slate-900">{t("imports.layout.title")}</summary>
          <div className="mt-3">
            <ImportLayout
              layout={preview.layout}
              choices={choices}
              onChange={onChoices}
              onRecheck={() => onRecheck(choices)}
              busy={busy}
            />
          </div>
        </details>
      )}
      {preview.marks && !preview.fileIssues.length && (
        <div className="mt-5">
          <ImportMarks
            marks={preview.marks}
            chosen={choices.marks}
            onChange={(marks) => onRecheck({ ...choices, marks })}
          />
        </div>
      )}
      {!preview.fileIssues.length && (
        <div className="mt-5 space-y-3 border-t border-slate-200 pt-4">
          {preview.counts.errorRows > 0 && (
            <p className="text-sm text-slate-700">{t("imports.hasErrors", { count: preview.counts.errorRows })}</p>
          )}
          {writable === 0 && preview.counts.errorRows === 0 && (
            <p className="text-sm text-slate-700" data-testid="import-nothing">
              {t("imports.nothingToImport")}
            </p>
          )}
          {writable > 0 && <ImportConfirm confirmations={asked} checked={confirmed} onChange={onConfirmed} />}
          <div className="flex flex-wrap gap-3">
            <Button onClick={() => onImport(validOnly)} disabled={busy || writable === 0 || !ready}>
              {validOnly ? t("imports.importValid") : t("imports.import")}
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}
