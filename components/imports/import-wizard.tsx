"use client";

import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { formatNumber } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import {
  ACCEPTED_EXTENSIONS,
  IMPORT_KINDS,
  type ImportKind,
  type ImportReport,
  MAX_FILE_BYTES,
  MAX_FILE_MEGABYTES,
} from "@/server/imports/types";
import { ImportProgress } from "./import-progress";
import { ImportReportView, useIssueText } from "./import-report";

type Stage = { step: "idle" } | { step: "reading"; percent: number } | { step: "checking" } | { step: "importing" };
type ServerError = { data?: { messageKey?: string; fieldErrors?: Record<string, string[]> } | null; message: string };

/** Reads a file as base64 (what the procedures take), reporting how much has been read. */
function readAsBase64(file: File, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * Choose what to import, pick a file, see the preview with every problem by row and column,
 * then import all of it or only its valid rows. The server checks the file again when
 * importing, so what is written is what the database allows at that moment.
 */
export function ImportWizard({ canImportUnits }: { canImportUnits: boolean }) {
  const t = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const issueText = useIssueText();
  const { data: criteria } = useSuspenseQuery(trpc.criteria.sets.queryOptions());
  const kinds = IMPORT_KINDS.filter((k) => k !== "units" || canImportUnits);
  const [kind, setKind] = useState<ImportKind>(kinds.includes("criteria") ? "criteria" : kinds[0]!);
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [setCode, setSetCode] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [content, setContent] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage>({ step: "idle" });
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A new key empties the file input after an import (its value cannot be set).
  const [fileInput, setFileInput] = useState(0);
  const previewMutation = useMutation(trpc.imports.preview.mutationOptions());
  const commitMutation = useMutation(trpc.imports.commit.mutationOptions());

  const input = (base64: string, validOnly = false) => ({
    kind,
    fileName: file!.name,
    contentBase64: base64,
    ...(kind === "criteria" ? { period, setCode: setCode || undefined } : {}),
    validOnly,
  });
  const messageOf = (e: unknown) => {
    const server = e as ServerError;
    const key = Object.values(server.data?.fieldErrors ?? {})[0]?.[0] ?? server.data?.messageKey ?? server.message;
    return issueText({ message: t.has(key) ? key : "errors.internal", params: { max: MAX_FILE_MEGABYTES } });
  };
  /** Whatever changes after a preview makes it stale: the user checks again. */
  const reset = () => {
    setPreview(null);
    setResult(null);
    setError(null);
  };

  async function check(event?: FormEvent) {
    event?.preventDefault();
    if (!file) return;
    reset();
    if (file.size > MAX_FILE_BYTES) return setError(t("imports.errors.fileTooLarge", { max: MAX_FILE_MEGABYTES }));
    try {
      setStage({ step: "reading", percent: 0 });
      const base64 = content ?? (await readAsBase64(file, (percent) => setStage({ step: "reading", percent })));
      setContent(base64);
      setStage({ step: "checking" });
      setPreview(await previewMutation.mutateAsync(input(base64)));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setStage({ step: "idle" });
    }
  }

  async function commit(validOnly: boolean) {
    if (!content) return;
    setError(null);
    setStage({ step: "importing" });
    try {
      setResult(await commitMutation.mutateAsync(input(content, validOnly)));
      setPreview(null);
    } catch (e) {
      setError(messageOf(e));
      // The database changed since the preview (or the file was rejected): show the file as it checks now.
      if ((e as ServerError).data?.messageKey === "imports.errors.rejected") {
        setStage({ step: "checking" });
        setPreview(await previewMutation.mutateAsync(input(content)).catch(() => null));
      }
    } finally {
      setStage({ step: "idle" });
    }
  }

  const busy = stage.step !== "idle";
  const chosenSet = criteria.sets.find((s) => s.code === setCode);
  const templateQuery = kind === "criteria" && chosenSet ? `&criteria=${chosenSet.criteria.length}` : "";
  const accepted: Record<ImportKind, string[]> = {
    units: ["province", "district", "commune", "agency", "school"].map((l) => t(`levels.${l}`)),
    criteria: ["met", "not_met", "advanced", "model"].map((r) => t(`criteria.results.${r}`)),
    shortages: ["boarding_rooms", "teacher_housing", "solid_classrooms", "teachers", "equipment", "other"].map((c) =>
      t(`shortages.categories.${c}`),
    ),
    disbursements: [
      "central_budget",
      "local_budget",
      "integrated_programmes",
      "credit",
      "social_mobilisation",
      "people_contributions",
    ].map((s) => t(`budget.sources.${s}`)),
  };
  const writable = preview && !preview.fileIssues.length ? preview.counts.create + preview.counts.update : 0;

  return (
    <div className="space-y-6">
      <Card title={t("imports.choose")}>
        <form onSubmit={check} className="space-y-4" noValidate>
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">{t("imports.kind")}</legend>
            <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
              {kinds.map((k) => (
                <label key={k} className="flex items-center gap-2 text-sm text-slate-700">
                  <input
                    type="radio"
                    name="kind"
                    value={k}
                    checked={kind === k}
                    onChange={() => {
                      setKind(k);
                      reset();
                    }}
                  />
                  {t(`imports.kinds.${k}`)}
                </label>
              ))}
            </div>
            <p className="mt-2 max-w-3xl text-sm text-slate-600">{t(`imports.kindHints.${kind}`)}</p>
            <p className="mt-1 max-w-3xl text-xs text-slate-500">
              {t("imports.accepted")}: {accepted[kind].join(" · ")}
            </p>
          </fieldset>

          {kind === "criteria" && (
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label={t("imports.period")} hint={t("imports.periodHint")} required>
                {(props) => (
                  <input
                    {...props}
                    value={period}
                    inputMode="numeric"
                    autoComplete="off"
                    onChange={(e) => {
                      setPeriod(e.target.value);
                      reset();
                    }}
                  />
                )}
              </Field>
              <Field label={t("imports.set")}>
                {(props) => (
                  <select
                    {...props}
                    value={setCode}
                    onChange={(e) => {
                      setSetCode(e.target.value);
                      reset();
                    }}
                  >
                    <option value="">{t("imports.autoSet")}</option>
                    {criteria.sets.map((s) => (
                      <option key={s.code} value={s.code}>
                        {locale === "en" ? s.nameEn : s.name} ({s.periodStart}–{s.periodEnd})
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
          )}

          <Field label={t("imports.file")} hint={t("imports.fileHint", { max: MAX_FILE_MEGABYTES })} required>
            {(props) => (
              <input
                {...props}
                key={fileInput}
                type="file"
                accept={[
                  ...ACCEPTED_EXTENSIONS,
                  "text/csv",
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ].join(",")}
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setContent(null);
                  reset();
                }}
              />
            )}
          </Field>

          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={!file || busy}>
              {t("imports.check")}
            </Button>
            <span className="text-sm text-slate-600">
              {t("imports.templates")}:{" "}
              <a
                className="font-medium text-brand-700 hover:underline"
                href={`/api/templates/${kind}?format=xlsx${templateQuery}`}
                download
              >
                {t("imports.templateXlsx")}
              </a>
              {" · "}
              <a
                className="font-medium text-brand-700 hover:underline"
                href={`/api/templates/${kind}?format=csv${templateQuery}`}
                download
              >
                {t("imports.templateCsv")}
              </a>
            </span>
          </div>

          {stage.step === "reading" && <ImportProgress label={t("imports.reading")} percent={stage.percent} />}
          {stage.step === "checking" && <ImportProgress label={t("imports.checking")} percent={null} />}
          {stage.step === "importing" && <ImportProgress label={t("imports.importing")} percent={null} />}
          {error && (
            <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {error}
            </div>
          )}
        </form>
      </Card>

      {preview && (
        <Card title={t("imports.previewTitle", { file: preview.fileName })}>
          <ImportReportView report={preview} />
          {!preview.fileIssues.length && (
            <div className="mt-5 space-y-3 border-t border-slate-200 pt-4">
              {preview.counts.errorRows > 0 && (
                <p className="text-sm text-slate-700">
                  {t("imports.hasErrors", { count: formatNumber(preview.counts.errorRows) })}
                </p>
              )}
              {writable === 0 && preview.counts.errorRows === 0 && (
                <p className="text-sm text-slate-700" data-testid="import-nothing">
                  {t("imports.nothingToImport")}
                </p>
              )}
              <div className="flex flex-wrap gap-3">
                {preview.counts.errorRows === 0 ? (
                  <Button onClick={() => commit(false)} disabled={busy || writable === 0}>
                    {t("imports.import")}
                  </Button>
                ) : (
                  <Button onClick={() => commit(true)} disabled={busy || writable === 0}>
                    {t("imports.importValid")}
                  </Button>
                )}
              </div>
            </div>
          )}
        </Card>
      )}

      {result && (
        <Card title={t("imports.previewTitle", { file: result.fileName })}>
          <p
            role="status"
            className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
            data-testid="import-done"
          >
            {t("imports.done", {
              create: formatNumber(result.counts.create),
              update: formatNumber(result.counts.update),
              unchanged: formatNumber(result.counts.unchanged),
              skipped: formatNumber(result.counts.errorRows),
            })}
          </p>
          <Button
            variant="secondary"
            className="mt-3"
            onClick={() => {
              reset();
              setFile(null);
              setContent(null);
              setFileInput((n) => n + 1);
            }}
          >
            {t("imports.again")}
          </Button>
        </Card>
      )}
    </div>
  );
}
