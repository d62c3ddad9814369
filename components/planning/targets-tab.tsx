"use client";

import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useTRPC } from "@/lib/trpc/react";
import { ProgressBar } from "./progress-bar";
import { RecordActions, useEditing } from "./record-actions";
import { type FieldSpec, type FormOf, RecordForm } from "./record-form";
import { SubjectDiscussion } from "./subject-discussion";
import type { RouterInputs } from "@/lib/trpc/types";
import { type Planning, type PlanningOptions, usePlanning, usePlanningMutation } from "./use-planning";
import { useNumberFormat } from "@/components/ui/use-number-format";

type Target = Planning["targets"][number];

/** Targets with their baseline, target, latest measurement and computed progress. */
export function TargetsTab({ planId, me }: { planId: string; me: { id: string } }) {
  const { formatNumber } = useNumberFormat();
  const t = useTranslations();
  const trpc = useTRPC();
  const { data, options } = usePlanning(planId);
  const locale = useLocale();
  const { editing, open, close } = useEditing();
  const create = usePlanningMutation(planId, trpc.targets.create.mutationOptions(), close);
  const update = usePlanningMutation(planId, trpc.targets.update.mutationOptions(), close);
  const remove = usePlanningMutation(planId, trpc.targets.remove.mutationOptions());
  if (!data || !options) return null;

  const fields = targetFields(t, locale, options);
  return (
    <div className="space-y-4" data-testid="targets-tab">
      {data.canEdit && editing !== "new" && <Button onClick={() => open("new")}>{t("targets.add")}</Button>}
      {editing === "new" && (
        <RecordForm
          legend={t("targets.add")}
          fields={fields}
          initial={emptyTarget}
          submitLabel={t("planning.save")}
          onCancel={close}
          pending={create.isPending}
          error={create.error}
          onSubmit={(v) => create.mutate({ planId, ...v })}
        />
      )}
      {data.targets.length === 0 && <EmptyState>{t("targets.empty")}</EmptyState>}
      <ul className="space-y-3">
        {data.targets.map((target) =>
          editing === target.id ? (
            <li key={target.id}>
              <RecordForm
                legend={`${t("planning.edit")}: ${target.title}`}
                fields={fields}
                initial={targetValues(target)}
                submitLabel={t("planning.save")}
                onCancel={close}
                pending={update.isPending}
                error={update.error}
                onSubmit={(v) => update.mutate({ id: target.id, ...v })}
              />
            </li>
          ) : (
            <li key={target.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="target">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-semibold text-slate-900">{target.title}</p>
                  <p className="text-sm text-slate-600">
                    {target.criterion && (
                      <Badge tone="blue">
                        {t("targets.criterion")} {target.criterion.number}
                      </Badge>
                    )}{" "}
                    {t("targets.fromTo", {
                      baseline: `${formatNumber(Number(target.baselineValue), 4)} ${target.unit}`,
                      baselineYear: target.baselineYear,
                      target: `${formatNumber(Number(target.targetValue), 4)} ${target.unit}`,
                      targetYear: target.targetYear,
                    })}
                    {" · "}
                    {t(`targets.${target.direction}`)}
                  </p>
                </div>
                {data.canEdit && (
                  <RecordActions
                    label={target.title}
                    onEdit={() => open(target.id)}
                    remove={() => remove.mutateAsync({ id: target.id })}
                  />
                )}
              </div>
              <div className="mt-3 grid gap-3 sm:grid-cols-[1fr_2fr] sm:items-center">
                <p className="text-sm">
                  <span className="text-slate-500">{t("targets.latest")}: </span>
                  {target.latest ? (
                    <strong>
                      {formatNumber(Number(target.latest.value), 4)} {target.unit} ({target.latest.period})
                    </strong>
                  ) : (
                    <span className="text-slate-500">{t("targets.noMeasurement")}</span>
                  )}
                  {target.latest && (
                    <>
                      {" "}
                      {target.progress.met ? (
                        <Badge tone="green">{t("targets.met")}</Badge>
                      ) : (
                        <Badge tone="amber">{t("targets.notMet")}</Badge>
                      )}
                    </>
                  )}
                </p>
                <ProgressBar label={t("targets.progress")} percent={target.progress.percent} />
              </div>
              <Measurements target={target} canTrack={data.canTrack} />
              <div className="mt-3 border-t border-slate-100 pt-3">
                <SubjectDiscussion
                  planId={planId}
                  me={me}
                  subject={{ type: "target", id: target.id }}
                  count={target.comments}
                />
              </div>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

function Measurements({ target, canTrack }: { target: Target; canTrack: boolean }) {
  const { formatNumber } = useNumberFormat();
  const t = useTranslations();
  const trpc = useTRPC();
  const { editing, open, close } = useEditing();
  const record = usePlanningMutation(target.planId, trpc.targets.recordMeasurement.mutationOptions(), close);
  const remove = usePlanningMutation(target.planId, trpc.targets.removeMeasurement.mutationOptions());
  const fields: FieldSpec<MeasurementForm>[] = [
    { name: "period", label: t("targets.period"), hint: t("targets.periodHint"), placeholder: "2025", required: true },
    { name: "value", label: `${t("targets.value")} (${target.unit})`, inputMode: "decimal", required: true },
    { name: "source", label: t("targets.source"), required: true, wide: true },
  ];
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium text-slate-700">
        {t("targets.measurements")} ({target.measurements.length})
      </summary>
      <table className="mt-2 w-full text-left">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1 pr-3 font-medium">{t("targets.period")}</th>
            <th className="py-1 pr-3 font-medium">{t("targets.value")}</th>
            <th className="py-1 pr-3 font-medium">{t("targets.source")}</th>
            <th>
              <span className="sr-only">{t("planning.delete")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {target.measurements.map((m) => (
            <tr key={m.id}>
              <td className="py-1 pr-3">{m.period}</td>
              <td className="py-1 pr-3 tabular-nums">
                {formatNumber(Number(m.value), 4)} {target.unit}
              </td>
              <td className="py-1 pr-3 text-slate-600">
                {m.source}
                {m.recordedBy && ` · ${m.recordedBy.name}`}
              </td>
              <td className="py-1 text-right">
                {canTrack && (
                  <RecordActions
                    label={`${target.title} ${m.period}`}
                    remove={() => remove.mutateAsync({ id: m.id })}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canTrack && editing !== "new" && (
        <Button variant="secondary" className="mt-2" onClick={() => open("new")}>
          {t("targets.record")}
        </Button>
      )}
      {editing === "new" && (
        <div className="mt-2">
          <RecordForm
            legend={t("targets.record")}
            fields={fields}
            initial={{ period: "", value: "", source: "" }}
            submitLabel={t("planning.save")}
            onCancel={close}
            pending={record.isPending}
            error={record.error}
            onSubmit={(v) => record.mutate({ targetId: target.id, ...v })}
          />
        </div>
      )}
    </details>
  );
}

/** "17.6600" → "17,66": a stored decimal as an official would type it again. */
const asTyped = (value: string) =>
  value
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "")
    .replace(".", ",");

type TargetForm = FormOf<RouterInputs["targets"]["create"], "planId">;
type MeasurementForm = FormOf<RouterInputs["targets"]["recordMeasurement"], "targetId">;

const emptyTarget: TargetForm = {
  criterionId: "",
  title: "",
  unit: "",
  baselineValue: "",
  baselineYear: "",
  targetValue: "",
  targetYear: "",
  direction: "",
};
const targetValues = (target: Target): TargetForm => ({
  criterionId: target.criterionId ?? "",
  title: target.title,
  unit: target.unit,
  baselineValue: asTyped(target.baselineValue),
  baselineYear: String(target.baselineYear),
  targetValue: asTyped(target.targetValue),
  targetYear: String(target.targetYear),
  direction: target.direction,
});

function targetFields(
  t: ReturnType<typeof useTranslations>,
  locale: string,
  options: PlanningOptions,
): FieldSpec<TargetForm>[] {
  const criteria = options.criteriaSets.flatMap((set) =>
    set.criteria.map((c) => ({
      value: c.id,
      label: `${set.code} · ${c.number}. ${locale === "en" ? c.nameEn : c.name}`,
    })),
  );
  return [
    {
      name: "title",
      label: t("targets.titleField"),
      required: true,
      wide: true,
      placeholder: "Tỷ lệ hộ nghèo đa chiều",
    },
    {
      name: "criterionId",
      label: t("targets.criterion"),
      kind: "select",
      options: criteria,
      wide: true,
      hint: t("targets.noCriterion"),
    },
    { name: "unit", label: t("targets.unit"), required: true, placeholder: "%" },
    {
      name: "direction",
      label: t("targets.direction"),
      kind: "select",
      required: true,
      options: [
        { value: "increase", label: t("targets.increase") },
        { value: "decrease", label: t("targets.decrease") },
      ],
    },
    {
      name: "baselineValue",
      label: t("targets.baselineValue"),
      inputMode: "decimal",
      required: true,
      placeholder: "34,9",
    },
    {
      name: "baselineYear",
      label: t("targets.baselineYear"),
      inputMode: "numeric",
      required: true,
      placeholder: "2021",
    },
    {
      name: "targetValue",
      label: t("targets.targetValue"),
      inputMode: "decimal",
      required: true,
      placeholder: "17,66",
    },
    { name: "targetYear", label: t("targets.targetYear"), inputMode: "numeric", required: true, placeholder: "2025" },
  ];
}
