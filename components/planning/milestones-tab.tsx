"use client";

import { useTranslations } from "next-intl";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatVnd } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { MILESTONE_STATUSES } from "@/lib/domain/planning";
import { MilestoneTimeline } from "./milestone-timeline";
import { RecordActions, useEditing } from "./record-actions";
import { type FieldSpec, type FormOf, RecordForm } from "./record-form";
import { EvidenceControl } from "@/components/evidence/evidence-control";
import { SubjectDiscussion } from "./subject-discussion";
import type { RouterInputs } from "@/lib/trpc/types";
import { type Planning, type PlanningOptions, usePlanning, usePlanningMutation } from "./use-planning";

type Milestone = Planning["milestones"][number];
const statusTone: Record<Milestone["status"], Tone> = {
  planned: "slate",
  in_progress: "blue",
  done: "green",
  cancelled: "slate",
};
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Milestones as a timeline and a list: owner, dates, status (overdue flagged), links and money. */
export function MilestonesTab({ planId, me }: { planId: string; me: { id: string } }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const { data, options } = usePlanning(planId);
  const { editing, open, close } = useEditing();
  const create = usePlanningMutation(planId, trpc.milestones.create.mutationOptions(), close);
  const update = usePlanningMutation(planId, trpc.milestones.update.mutationOptions(), close);
  const setStatus = usePlanningMutation(planId, trpc.milestones.setStatus.mutationOptions());
  const remove = usePlanningMutation(planId, trpc.milestones.remove.mutationOptions());
  if (!data || !options) return null;

  const fields = milestoneFields(t, data, options);
  return (
    <div className="space-y-4" data-testid="milestones-tab">
      {data.canEdit && editing !== "new" && <Button onClick={() => open("new")}>{t("milestones.add")}</Button>}
      {editing === "new" && (
        <RecordForm
          legend={t("milestones.add")}
          fields={fields}
          initial={emptyMilestone}
          submitLabel={t("planning.save")}
          onCancel={close}
          pending={create.isPending}
          error={create.error}
          onSubmit={(v) => create.mutate({ planId, ...v })}
        />
      )}
      {data.milestones.length === 0 ? (
        <EmptyState>{t("milestones.empty")}</EmptyState>
      ) : (
        <MilestoneTimeline milestones={data.milestones} />
      )}
      <ul className="space-y-3">
        {data.milestones.map((milestone) =>
          editing === milestone.id ? (
            <li key={milestone.id}>
              <RecordForm
                legend={`${t("planning.edit")}: ${milestone.title}`}
                fields={fields}
                initial={milestoneValues(milestone)}
                submitLabel={t("planning.save")}
                onCancel={close}
                pending={update.isPending}
                error={update.error}
                onSubmit={(v) => update.mutate({ id: milestone.id, ...v })}
              />
            </li>
          ) : (
            <li key={milestone.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="milestone">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-semibold text-slate-900">
                    {milestone.title} {milestone.overdue && <Badge tone="red">{t("milestones.overdue")}</Badge>}
                  </p>
                  <p className="text-sm text-slate-600">
                    {milestone.ownerUnit.name} · {formatDate(milestone.startOn)} → {formatDate(milestone.dueOn)}
                  </p>
                </div>
                {data.canEdit && (
                  <RecordActions
                    label={milestone.title}
                    onEdit={() => open(milestone.id)}
                    remove={() => remove.mutateAsync({ id: milestone.id })}
                  />
                )}
              </div>
              <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
                {data.canTrack ? (
                  <label className="flex items-center gap-2">
                    <span className="text-slate-500">{t("milestones.status")}</span>
                    <select
                      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                      value={milestone.status}
                      disabled={setStatus.isPending}
                      onChange={(e) =>
                        setStatus.mutate({ id: milestone.id, status: e.target.value as Milestone["status"] })
                      }
                    >
                      {MILESTONE_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(`milestones.statuses.${s}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                ) : (
                  <Badge tone={statusTone[milestone.status]}>{t(`milestones.statuses.${milestone.status}`)}</Badge>
                )}
                {milestone.budget.allocated > 0n && (
                  <span className="text-slate-600">
                    {t("milestones.budget")}: {formatVnd(milestone.budget.allocated)}
                  </span>
                )}
                {milestone.targetIds.length > 0 && (
                  <span className="text-slate-600">
                    {t("milestones.targets")}:{" "}
                    {data.targets
                      .filter((x) => milestone.targetIds.includes(x.id))
                      .map((x) => x.title)
                      .join("; ")}
                  </span>
                )}
                {milestone.shortageIds.length > 0 && (
                  <span className="text-slate-600">
                    {t("milestones.shortages")}:{" "}
                    {data.shortages
                      .filter((x) => milestone.shortageIds.includes(x.id))
                      .map((x) => `${x.quantity} ${x.unitLabel} · ${x.unit.name}`)
                      .join("; ")}
                  </span>
                )}
              </div>
              <div className="mt-3 border-t border-slate-100 pt-3">
                <EvidenceControl
                  planId={planId}
                  subject={{ type: "milestone", id: milestone.id }}
                  label={milestone.title}
                />
              </div>
              <div className="mt-3 border-t border-slate-100 pt-3">
                <SubjectDiscussion
                  planId={planId}
                  me={me}
                  subject={{ type: "milestone", id: milestone.id }}
                  count={milestone.comments}
                />
              </div>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

const emptyMilestone: MilestoneForm = {
  title: "",
  ownerUnitId: "",
  startOn: "",
  dueOn: "",
  status: "planned",
  targetIds: [],
  shortageIds: [],
};
const milestoneValues = (m: Milestone): MilestoneForm => ({
  title: m.title,
  ownerUnitId: m.ownerUnitId,
  startOn: isoDate(m.startOn),
  dueOn: isoDate(m.dueOn),
  status: m.status,
  targetIds: m.targetIds,
  shortageIds: m.shortageIds,
});

function milestoneFields(
  t: ReturnType<typeof useTranslations>,
  data: Planning,
  options: PlanningOptions,
): FieldSpec<MilestoneForm>[] {
  return [
    { name: "title", label: t("milestones.titleField"), required: true, wide: true },
    {
      name: "ownerUnitId",
      label: t("milestones.owner"),
      kind: "select",
      required: true,
      options: options.units.map((u) => ({ value: u.id, label: u.name })),
    },
    {
      name: "status",
      label: t("milestones.status"),
      kind: "select",
      required: true,
      options: MILESTONE_STATUSES.map((s) => ({ value: s, label: t(`milestones.statuses.${s}`) })),
    },
    { name: "startOn", label: t("milestones.startOn"), kind: "date", required: true },
    { name: "dueOn", label: t("milestones.dueOn"), kind: "date", required: true },
    {
      name: "targetIds",
      label: t("milestones.targets"),
      kind: "checkboxes",
      options: data.targets.map((x) => ({ value: x.id, label: x.title })),
    },
    {
      name: "shortageIds",
      label: t("milestones.shortages"),
      kind: "checkboxes",
      options: data.shortages.map((x) => ({
        value: x.id,
        label: `${t(`shortages.categories.${x.category}`)} · ${x.quantity} ${x.unitLabel} · ${x.unit.name}`,
      })),
    },
  ];
}

type MilestoneForm = FormOf<RouterInputs["milestones"]["create"], "planId">;
