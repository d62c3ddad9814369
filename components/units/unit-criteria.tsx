"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useEditing } from "@/components/planning/record-actions";
import { type FieldSpec, type FormOf, RecordForm } from "@/components/planning/record-form";
import type { RouterInputs } from "@/lib/trpc/types";
import { Badge, type Tone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { useTRPC } from "@/lib/trpc/react";

const RESULTS = ["met", "advanced", "model", "not_met"] as const;
type AssessmentForm = FormOf<RouterInputs["criteria"]["assess"], "unitId" | "criterionId">;
const resultTone: Record<(typeof RESULTS)[number], Tone> = {
  met: "green",
  advanced: "green",
  model: "green",
  not_met: "amber",
};

/** A unit's results on each criteria set of its level, period by period; planners above it record them. */
export function UnitCriteria({ unitId }: { unitId: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [period, setPeriod] = useState<string | undefined>();
  const status = useQuery(trpc.criteria.unitStatus.queryOptions({ unitId, period }));
  const { editing, open, close } = useEditing();
  const assess = useMutation(
    trpc.criteria.assess.mutationOptions({
      onSuccess: () => {
        close();
        void queryClient.invalidateQueries({ queryKey: trpc.criteria.unitStatus.queryKey({ unitId }) });
      },
    }),
  );
  if (!status.data) return null;
  if (status.data.sets.length === 0) return <EmptyState>{t("criteria.noSets")}</EmptyState>;

  return (
    <div className="space-y-6" data-testid="unit-criteria">
      {status.data.sets.map((set) => {
        const fields: FieldSpec<AssessmentForm>[] = [
          { name: "period", label: t("criteria.periodLabel"), hint: t("targets.periodHint"), required: true },
          {
            name: "result",
            label: t("criteria.result"),
            kind: "select",
            required: true,
            options: RESULTS.filter((r) => set.hasLevels || r === "met" || r === "not_met").map((r) => ({
              value: r,
              label: t(`criteria.results.${r}`),
            })),
          },
          { name: "note", label: t("criteria.note"), wide: true },
          { name: "evidenceUrl", label: t("criteria.evidenceUrl"), wide: true, placeholder: "https://" },
        ];
        const defaultPeriod =
          set.period ?? String(Math.min(set.periodEnd, Math.max(set.periodStart, new Date().getFullYear())));
        return (
          <section key={set.id} aria-label={locale === "en" ? set.nameEn : set.name}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="text-sm font-semibold text-slate-900">{locale === "en" ? set.nameEn : set.name}</h3>
              <span className="flex flex-wrap items-center gap-2 text-sm">
                {set.group !== null && <Badge tone="blue">{t("criteria.group", { group: set.group })}</Badge>}
                {set.periods.length > 0 && (
                  <label className="flex items-center gap-1">
                    <span className="text-slate-500">{t("criteria.periodLabel")}</span>
                    <select
                      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                      value={set.period ?? ""}
                      onChange={(e) => setPeriod(e.target.value)}
                    >
                      {set.periods.map((p) => (
                        <option key={p} value={p}>
                          {p}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
                {set.period && (
                  <strong data-testid="criteria-met">
                    {t("criteria.metCount", { met: set.met, total: set.criteria.length })}
                  </strong>
                )}
              </span>
            </div>
            <ul className="mt-2 divide-y divide-slate-100 text-sm">
              {set.criteria.map((c) => (
                <li key={c.id} className="py-1.5">
                  <div className="flex items-center justify-between gap-3">
                    <span>
                      <span className="mr-1 tabular-nums text-slate-500">{c.number}.</span>
                      {locale === "en" ? c.nameEn : c.name}
                    </span>
                    <span className="flex shrink-0 items-center gap-3">
                      {c.assessment ? (
                        <Badge tone={resultTone[c.assessment.result]}>
                          {t(`criteria.results.${c.assessment.result}`)}
                        </Badge>
                      ) : (
                        <span className="text-slate-400">{t("criteria.noAssessment")}</span>
                      )}
                      {c.assessment?.evidenceUrl && (
                        <a
                          href={c.assessment.evidenceUrl}
                          target="_blank"
                          rel="noopener noreferrer"
                          className="text-brand-700 hover:underline"
                        >
                          {t("criteria.evidence")}
                        </a>
                      )}
                      {status.data.canAssess && editing !== c.id && (
                        <button
                          type="button"
                          className="font-medium text-brand-700 hover:underline"
                          aria-label={`${t("criteria.assess")}: ${c.number}. ${c.name}`}
                          onClick={() => open(c.id)}
                        >
                          {t("criteria.assess")}
                        </button>
                      )}
                    </span>
                  </div>
                  {c.assessment?.note && <p className="mt-0.5 text-xs text-slate-500">{c.assessment.note}</p>}
                  {editing === c.id && (
                    <div className="mt-2">
                      <RecordForm
                        legend={`${t("criteria.assess")}: ${c.number}. ${c.name}`}
                        fields={fields}
                        submitLabel={t("planning.save")}
                        onCancel={close}
                        initial={{
                          period: defaultPeriod,
                          result: c.assessment?.result ?? "",
                          note: c.assessment?.note ?? "",
                          evidenceUrl: c.assessment?.evidenceUrl ?? "",
                        }}
                        pending={assess.isPending}
                        error={assess.error}
                        onSubmit={(v) =>
                          assess.mutate({
                            unitId,
                            criterionId: c.id,
                            ...v,
                          })
                        }
                      />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
