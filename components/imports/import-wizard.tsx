"use client";

import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/react";
import { parseServerError } from "@/lib/trpc/server-error";
import {
  ACCEPTED_EXTENSIONS,
  type ImportKind,
  type ImportReport,
  MAX_FILE_BYTES,
  MAX_FILE_MEGABYTES,
} from "@/lib/domain/imports";
import type { ReadChoices } from "./import-layout";
import { ImportKindHint, ImportTemplates } from "./import-kind-info";
import { ImportPlanField } from "./import-plan-field";
import { ImportPreview } from "./import-preview";
import { ImportProgress } from "./import-progress";
import { useIssueText } from "./import-report";

type Stage = { step: "idle" } | { step: "reading"; percent: number } | { step: "checking" } | { step: "importing" };

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

const NO_CHOICES: ReadChoices = { mapping: {}, marks: {} };

/**
 * Choose what to import, pick a file, see the preview with every problem by row and column,
 * how the table was found and its columns and marks read (each can be changed, then checked
 * again), confirm what needs confirming, then import all of it or only its valid rows. The
 * server checks the file again when importing, so what is written is what the database
 * allows at that moment.
 */
export function ImportWizard({ kinds }: { kinds: ImportKind[] }) {
  const t = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const issueText = useIssueText();
  const { data: criteria } = useSuspenseQuery(trpc.criteria.sets.queryOptions());
  const [kind, setKind] = useState<ImportKind>(kinds.includes("criteria") ? "criteria" : kinds[0]!);
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [setCode, setSetCode] = useState("");
  const [plan, setPlan] = useState<{ reference: string; unitCode?: string }>({ reference: "" });
  const [choices, setChoices] = useState<ReadChoices>(NO_CHOICES);
  const [confirmed, setConfirmed] = useState<string[]>([]);
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

  const input = (base64: string, read: ReadChoices, validOnly = false) => ({
    kind,
    fileName: file!.name,
    contentBase64: base64,
    ...(kind === "criteria" ? { period, setCode: setCode || undefined, marks: read.marks } : {}),
    ...((kind === "shortages" || kind === "disbursements") && plan.reference.trim()
      ? { planReference: plan.reference.trim(), planUnitCode: plan.unitCode }
      : {}),
    sheet: read.sheet,
    headerRow: read.headerRow,
    headerRows: read.headerRows,
    mapping: read.mapping,
    validOnly,
    confirmations: confirmed,
  });
  const messageOf = (e: unknown) => {
    const verdict = parseServerError(e)!;
    const key = Object.values(verdict.fieldErrors)[0]?.[0] ?? verdict.messageKey;
    return issueText({ message: t.has(key) ? key : "errors.internal", params: { max: MAX_FILE_MEGABYTES } });
  };
  /** Whatever changes after a preview makes it stale: the user checks again. */
  const reset = () => {
    setPreview(null);
    setResult(null);
    setError(null);
  };

  async function check(event?: FormEvent, read: ReadChoices = choices) {
    event?.preventDefault();
    if (!file) return;
    reset();
    setConfirmed([]);
    if (file.size > MAX_FILE_BYTES) return setError(t("imports.errors.fileTooLarge", { max: MAX_FILE_MEGABYTES }));
    try {
      setStage({ step: "reading", percent: 0 });
      const base64 = content ?? (await readAsBase64(file, (percent) => setStage({ step: "reading", percent })));
      setContent(base64);
      setStage({ step: "checking" });
      setPreview(await previewMutation.mutateAsync(input(base64, read)));
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
      setResult(await commitMutation.mutateAsync(input(content, choices, validOnly)));
      setPreview(null);
    } catch (e) {
      setError(messageOf(e));
      // The database changed since the preview (or the file was rejected): show the file as it checks now.
      const key = parseServerError(e)?.messageKey;
      if (key === "imports.errors.rejected" || key === "imports.errors.unconfirmed") {
        setStage({ step: "checking" });
        setConfirmed([]);
        setPreview(await previewMutation.mutateAsync(input(content, choices)).catch(() => null));
      }
    } finally {
      setStage({ step: "idle" });
    }
  }

  const busy = stage.step !== "idle";
  const recheck = (read: ReadChoices) => {
    setChoices(read);
    void check(undefined, read);
  };

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
            <ImportKindHint kind={kind} />
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

          {(kind === "shortages" || kind === "disbursements") && (
            <ImportPlanField
              value={plan.reference}
              onChange={(next) => {
                setPlan(next);
                reset();
              }}
            />
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
                  setChoices(NO_CHOICES);
                  reset();
                }}
              />
            )}
          </Field>

          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={!file || busy}>
              {t("imports.check")}
            </Button>
            <ImportTemplates kind={kind} period={period} setCode={setCode} />
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
        <ImportPreview
          preview={preview}
          choices={choices}
          onChoices={setChoices}
          onRecheck={recheck}
          confirmed={confirmed}
          onConfirmed={setConfirmed}
          onImport={commit}
          busy={busy}
        />
      )}

      {result && (
        <Card title={t("imports.previewTitle", { file: result.fileName })}>
          <p
            role="status"
            className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
            data-testid="import-done"
          >
            {t("imports.done", {
              create: result.counts.create,
              update: result.counts.update,
              unchanged: result.counts.unchanged,
              skipped: result.counts.errorRows,
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
