"use client";

import { useTranslations } from "next-intl";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatVnd } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { SHORTAGE_CATEGORIES, SHORTAGE_STATUSES } from "@/lib/domain/planning";
import { RecordActions, useEditing } from "./record-actions";
import { type FieldSpec, type FormOf, RecordForm } from "./record-form";
import { EvidenceControl } from "@/components/evidence/evidence-control";
import { SubjectDiscussion } from "./subject-discussion";
import type { RouterInputs } from "@/lib/trpc/types";
import { type Planning, type PlanningOptions, usePlanning, usePlanningMutation } from "./use-planning";
import { useNumberFormat } from "@/components/ui/use-number-format";

type Shortage = Planning["shortages"][number];
export const shortageTone: Record<Shortage["status"], Tone> = { open: "amber", in_progress: "blue", closed: "green" };

/** What communes and schools lack, with the milestones and money meant to close each gap. */
export function ShortagesTab({ planId, me }: { planId: string; me: { id: string } }) {
  const { formatNumber } = useNumberFormat();
  const t = useTranslations();
  const trpc = useTRPC();
  const { data, options } = usePlanning(planId);
  const { editing, open, close } = useEditing();
  const create = usePlanningMutation(planId, trpc.shortages.create.mutationOptions(), close);
  const update = usePlanningMutation(planId, trpc.shortages.update.mutationOptions(), close);
  const setStatus = usePlanningMutation(planId, trpc.shortages.setStatus.mutationOptions());
  const remove = usePlanningMutation(planId, trpc.shortages.remove.mutationOptions());
  if (!data || !options) return null;

  const fields = shortageFields(t, data, options);
  return (
    <div className="space-y-4" data-testid="shortages-tab">
      {data.canEdit && editing !== "new" && <Button onClick={() => open("new")}>{t("shortages.add")}</Button>}
      {editing === "new" && (
        <RecordForm
          legend={t("shortages.add")}
          fields={fields}
          initial={emptyShortage}
          submitLabel={t("planning.save")}
          onCancel={close}
          pending={create.isPending}
          error={create.error}
          onSubmit={(v) => create.mutate({ planId, ...v })}
        />
      )}
      {data.shortages.length === 0 && <EmptyState>{t("shortages.empty")}</EmptyState>}
      <ul className="space-y-3">
        {data.shortages.map((shortage) =>
          editing === shortage.id ? (
            <li key={shortage.id}>
              <RecordForm
                legend={t("planning.edit")}
                fields={fields}
                initial={shortageValues(shortage)}
                submitLabel={t("planning.save")}
                onCancel={close}
                pending={update.isPending}
                error={update.error}
                onSubmit={(v) => update.mutate({ id: shortage.id, ...v })}
              />
            </li>
          ) : (
            <li key={shortage.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="shortage">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-semibold text-slate-900">
                    {t(`shortages.categories.${shortage.category}`)}: {formatNumber(shortage.quantity)}{" "}
                    {shortage.unitLabel}
                  </p>
                  <p className="text-sm text-slate-600">
                    {shortage.unit.name}
                    {shortage.description && ` · ${shortage.description}`}
                    {shortage.estimatedCost !== null &&
                      ` · ${t("shortages.cost")}: ${formatVnd(shortage.estimatedCost)}`}
                  </p>
                </div>
                {data.canEdit && (
                  <RecordActions
                    label={t(`shortages.categories.${shortage.category}`)}
                    onEdit={() => open(shortage.id)}
                    remove={() => remove.mutateAsync({ id: shortage.id })}
                  />
                )}
              </div>
              <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-600">
                {data.canTrack ? (
                  <label className="flex items-center gap-2">
                    <span className="text-slate-500">{t("shortages.status")}</span>
                    <select
                      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                      value={shortage.status}
                      disabled={setStatus.isPending}
                      onChange={(e) =>
                        setStatus.mutate({ id: shortage.id, status: e.target.value as Shortage["status"] })
                      }
                    >
                      {SHORTAGE_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(`shortages.statuses.${s}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                ) : (
                  <Badge tone={shortageTone[shortage.status]}>{t(`shortages.statuses.${shortage.status}`)}</Badge>
                )}
                {shortage.milestoneIds.length > 0 && (
                  <span>
                    {t("shortages.milestones")}:{" "}
                    {data.milestones
                      .filter((m) => shortage.milestoneIds.includes(m.id))
                      .map((m) => m.title)
                      .join("; ")}
                  </span>
                )}
                {shortage.budgetLineIds.length > 0 && (
                  <span>
                    {t("shortages.funded")}: {formatVnd(shortage.funded)}
                  </span>
                )}
              </div>
              <div className="mt-3 border-t border-slate-100 pt-3">
                <EvidenceControl
                  planId={planId}
                  subject={{ type: "shortage", id: shortage.id }}
                  label={`${shortage.quantity} ${shortage.unitLabel} · ${shortage.unit.name}`}
                />
              </div>
              <div className="mt-3 border-t border-slate-100 pt-3">
                <SubjectDiscussion
                  planId={planId}
                  me={me}
                  subject={{ type: "shortage", id: shortage.id }}
                  count={shortage.comments}
                />
              </div>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

const emptyShortage: ShortageForm = {
  unitId: "",
  category: "",
  description: "",
  quantity: "",
  unitLabel: "",
  estimatedCost: "",
  status: "open",
  milestoneIds: [],
  budgetLineIds: [],
};
const shortageValues = (s: Shortage): ShortageForm => ({
  unitId: s.unitId,
  category: s.category,
  description: s.description,
  quantity: String(s.quantity),
  unitLabel: s.unitLabel,
  estimatedCost: s.estimatedCost?.toString() ?? "",
  status: s.status,
  milestoneIds: s.milestoneIds,
  budgetLineIds: s.budgetLineIds,
});

function shortageFields(
  t: ReturnType<typeof useTranslations>,
  data: Planning,
  options: PlanningOptions,
): FieldSpec<ShortageForm>[] {
  return [
    {
      name: "unitId",
      label: t("shortages.unit"),
      kind: "select",
      required: true,
      options: options.units
        .filter((u) => u.level === "commune" || u.level === "school")
        .map((u) => ({ value: u.id, label: u.name })),
    },
    {
      name: "category",
      label: t("shortages.category"),
      kind: "select",
      required: true,
      options: SHORTAGE_CATEGORIES.map((c) => ({ value: c, label: t(`shortages.categories.${c}`) })),
    },
    { name: "quantity", label: t("shortages.quantity"), inputMode: "numeric", required: true },
    { name: "unitLabel", label: t("shortages.unitLabel"), required: true, placeholder: "phòng" },
    { name: "estimatedCost", label: t("shortages.estimatedCost"), inputMode: "numeric", hint: t("budget.amountHint") },
    {
      name: "status",
      label: t("shortages.status"),
      kind: "select",
      required: true,
      options: SHORTAGE_STATUSES.map((s) => ({ value: s, label: t(`shortages.statuses.${s}`) })),
    },
    { name: "description", label: t("shortages.description"), hint: t("shortages.descriptionHint"), wide: true },
    {
      name: "milestoneIds",
      label: t("shortages.milestones"),
      kind: "checkboxes",
      options: data.milestones.map((m) => ({ value: m.id, label: m.title })),
    },
    {
      name: "budgetLineIds",
      label: t("shortages.budgetLines"),
      kind: "checkboxes",
      options: data.budget.lines.map((l) => ({
        value: l.id,
        label: `${t(`budget.sources.${l.source}`)} ${l.year} · ${formatVnd(l.amount)}`,
      })),
    },
  ];
}

type ShortageForm = FormOf<RouterInputs["shortages"]["create"], "planId">;
