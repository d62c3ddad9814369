"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatInUnit, formatVnd, moneyUnit } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { CAPITAL_SOURCES } from "@/lib/domain/planning";
import { EvidenceControl } from "@/components/evidence/evidence-control";
import { MoneyUnitNote } from "./money-unit-note";
import { ProgressBar } from "./progress-bar";
import { RecordActions, useEditing } from "./record-actions";
import { type FieldSpec, type FormOf, RecordForm } from "./record-form";
import type { RouterInputs } from "@/lib/trpc/types";
import { type Planning, usePlanning, usePlanningMutation } from "./use-planning";
import { useNumberFormat } from "@/components/ui/use-number-format";

type Line = Planning["budget"]["lines"][number];
const thisYear = () => String(new Date().getFullYear());

/** Allocations by capital source and year, their disbursements and the computed rates, and contributions in kind. */
export function BudgetTab({ planId }: { planId: string }) {
  const { formatPercent } = useNumberFormat();
  const t = useTranslations();
  const trpc = useTRPC();
  const { data } = usePlanning(planId);
  const { editing, open, close } = useEditing();
  const create = usePlanningMutation(planId, trpc.budget.createLine.mutationOptions(), close);
  const update = usePlanningMutation(planId, trpc.budget.updateLine.mutationOptions(), close);
  const remove = usePlanningMutation(planId, trpc.budget.removeLine.mutationOptions());
  if (!data) return null;

  const { totals, bySource, lines } = data.budget;
  const unit = moneyUnit(bySource.flatMap((s) => [s.allocated, s.disbursed]));
  const fields: FieldSpec<LineForm>[] = [
    {
      name: "source",
      label: t("budget.source"),
      kind: "select",
      required: true,
      options: CAPITAL_SOURCES.map((s) => ({ value: s, label: t(`budget.sources.${s}`) })),
    },
    { name: "year", label: t("budget.year"), inputMode: "numeric", required: true },
    {
      name: "amount",
      label: t("budget.amount"),
      inputMode: "numeric",
      required: true,
      hint: t("budget.amountHint"),
      placeholder: "20.586.000.000",
    },
    {
      name: "milestoneId",
      label: t("budget.milestone"),
      kind: "select",
      options: data.milestones.map((m) => ({ value: m.id, label: m.title })),
    },
    { name: "description", label: t("budget.description"), wide: true },
  ];
  const lineValues = (line: Line): LineForm => ({
    source: line.source,
    year: String(line.year),
    amount: line.amount.toString(),
    milestoneId: line.milestoneId ?? "",
    description: line.description,
  });
  return (
    <div className="space-y-5" data-testid="budget-tab">
      <section className="rounded-lg border border-slate-200 bg-white p-4" aria-label={t("budget.total")}>
        <p className="text-sm text-slate-600" data-testid="budget-summary">
          {t("budget.summary", {
            disbursed: formatVnd(totals.disbursed),
            allocated: formatVnd(totals.allocated),
            rate: formatPercent(totals.rate),
          })}
        </p>
        <div className="mt-2">
          <ProgressBar label={t("budget.rate")} percent={totals.rate} />
        </div>
        {bySource.length > 0 && (
          <table className="mt-4 w-full text-left text-sm" data-testid="budget-by-source">
            <caption className="mb-1 text-xs text-slate-500">
              <div className="flex flex-wrap justify-between gap-2">
                <span className="font-medium uppercase">{t("budget.bySource")}</span>
                <MoneyUnitNote unit={unit} />
              </div>
            </caption>
            <thead className="text-xs text-slate-500">
              <tr>
                <th className="py-1 pr-3 font-medium">{t("budget.source")}</th>
                <th className="py-1 pr-3 text-right font-medium">{t("budget.allocated")}</th>
                <th className="py-1 pr-3 text-right font-medium">{t("budget.disbursed")}</th>
                <th className="py-1 text-right font-medium">{t("budget.rate")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {bySource.map((s) => (
                <tr key={s.source}>
                  <td className="py-1 pr-3">{t(`budget.sources.${s.source}`)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{formatInUnit(s.allocated, unit)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{formatInUnit(s.disbursed, unit)}</td>
                  <td className="py-1 text-right tabular-nums">{formatPercent(s.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {data.canEdit && editing !== "new" && <Button onClick={() => open("new")}>{t("budget.addLine")}</Button>}
      {editing === "new" && (
        <RecordForm
          legend={t("budget.addLine")}
          fields={fields}
          initial={{ source: "", year: thisYear(), amount: "", milestoneId: "", description: "" }}
          submitLabel={t("planning.save")}
          onCancel={close}
          pending={create.isPending}
          error={create.error}
          onSubmit={(v) => create.mutate({ planId, ...v })}
        />
      )}
      {lines.length === 0 && <EmptyState>{t("budget.empty")}</EmptyState>}
      <ul className="space-y-3">
        {lines.map((line) =>
          editing === line.id ? (
            <li key={line.id}>
              <RecordForm
                legend={t("planning.edit")}
                fields={fields}
                initial={lineValues(line)}
                submitLabel={t("planning.save")}
                onCancel={close}
                pending={update.isPending}
                error={update.error}
                onSubmit={(v) => update.mutate({ id: line.id, ...v })}
              />
            </li>
          ) : (
            <li key={line.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="budget-line">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <p className="font-semibold text-slate-900">
                    {t(`budget.sources.${line.source}`)} · {line.year}
                  </p>
                  <p className="text-sm text-slate-600">
                    {[
                      line.description,
                      line.milestoneId
                        ? data.milestones.find((m) => m.id === line.milestoneId)?.title
                        : t("budget.planLevel"),
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                </div>
                {data.canEdit && (
                  <RecordActions
                    label={`${t(`budget.sources.${line.source}`)} ${line.year}`}
                    onEdit={() => open(line.id)}
                    remove={() => remove.mutateAsync({ id: line.id })}
                  />
                )}
              </div>
              <dl className="mt-2 grid grid-cols-3 gap-2 text-sm">
                <div>
                  <dt className="text-xs text-slate-500">{t("budget.allocated")}</dt>
                  <dd className="tabular-nums">{formatVnd(line.allocated)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500">{t("budget.disbursed")}</dt>
                  <dd className="tabular-nums">{formatVnd(line.disbursed)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500">{t("budget.rate")}</dt>
                  <dd className="tabular-nums">{formatPercent(line.rate)}</dd>
                </div>
              </dl>
              <Disbursements line={line} canTrack={data.canTrack} />
            </li>
          ),
        )}
      </ul>
      <InKind planId={planId} data={data} />
    </div>
  );
}

function Disbursements({ line, canTrack }: { line: Line; canTrack: boolean }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const { editing, open, close } = useEditing();
  const add = usePlanningMutation(line.planId, trpc.budget.addDisbursement.mutationOptions(), close);
  const remove = usePlanningMutation(line.planId, trpc.budget.removeDisbursement.mutationOptions());
  const fields: FieldSpec<DisbursementForm>[] = [
    { name: "amount", label: t("budget.amount"), inputMode: "numeric", required: true, hint: t("budget.amountHint") },
    { name: "paidOn", label: t("budget.paidOn"), kind: "date", required: true },
    { name: "note", label: t("budget.note"), wide: true },
  ];
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium text-slate-700">
        {t("budget.disbursements")} ({line.disbursements.length})
      </summary>
      <ul className="mt-2 divide-y divide-slate-100">
        {line.disbursements.map((d) => (
          <li key={d.id} className="py-1">
            <div className="flex items-center justify-between gap-3">
              <span>
                <span className="tabular-nums">{formatVnd(d.amount)}</span> · {formatDate(d.paidOn)}
                {d.note && ` · ${d.note}`}
              </span>
              {canTrack && (
                <RecordActions
                  label={`${formatVnd(d.amount)} ${formatDate(d.paidOn)}`}
                  remove={() => remove.mutateAsync({ id: d.id })}
                />
              )}
            </div>
            <div className="mt-1 pl-3">
              <EvidenceControl
                planId={line.planId}
                subject={{ type: "disbursement", id: d.id }}
                label={`${formatVnd(d.amount)} ${formatDate(d.paidOn)}`}
              />
            </div>
          </li>
        ))}
      </ul>
      {canTrack && editing !== "new" && (
        <Button variant="secondary" className="mt-2" onClick={() => open("new")}>
          {t("budget.addDisbursement")}
        </Button>
      )}
      {editing === "new" && (
        <div className="mt-2">
          <RecordForm
            legend={t("budget.addDisbursement")}
            fields={fields}
            initial={{ amount: "", paidOn: "", note: "" }}
            submitLabel={t("planning.save")}
            onCancel={close}
            pending={add.isPending}
            error={add.error}
            onSubmit={(v) => add.mutate({ budgetLineId: line.id, ...v })}
          />
        </div>
      )}
    </details>
  );
}

function InKind({ planId, data }: { planId: string; data: Planning }) {
  const { formatNumber } = useNumberFormat();
  const t = useTranslations();
  const trpc = useTRPC();
  const { editing, open, close } = useEditing();
  const add = usePlanningMutation(planId, trpc.budget.addInKind.mutationOptions(), close);
  const remove = usePlanningMutation(planId, trpc.budget.removeInKind.mutationOptions());
  const fields: FieldSpec<InKindForm>[] = [
    {
      name: "kind",
      label: t("budget.kind"),
      kind: "select",
      required: true,
      options: (["land_m2", "working_days"] as const).map((k) => ({ value: k, label: t(`budget.kinds.${k}`) })),
    },
    { name: "quantity", label: t("budget.quantity"), inputMode: "decimal", required: true },
    { name: "year", label: t("budget.year"), inputMode: "numeric", required: true },
    {
      name: "milestoneId",
      label: t("budget.milestone"),
      kind: "select",
      options: data.milestones.map((m) => ({ value: m.id, label: m.title })),
    },
    { name: "description", label: t("budget.description"), wide: true },
  ];
  const { inKind, inKindTotals } = data.budget;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-label={t("budget.inKind")}>
      <h3 className="text-sm font-semibold text-slate-900">{t("budget.inKind")}</h3>
      <p className="mt-1 text-sm text-slate-600">
        {inKindTotals.map((k) => `${t(`budget.kinds.${k.kind}`)}: ${formatNumber(Number(k.quantity), 2)}`).join(" · ")}
      </p>
      {inKind.length === 0 && <p className="mt-2 text-sm text-slate-500">{t("budget.inKindEmpty")}</p>}
      <ul className="mt-2 divide-y divide-slate-100 text-sm">
        {inKind.map((c) => (
          <li key={c.id} className="flex items-center justify-between gap-3 py-1">
            <span>
              {t(`budget.kinds.${c.kind}`)}: <span className="tabular-nums">{formatNumber(Number(c.quantity), 2)}</span>{" "}
              · {c.year}
              {c.description && ` · ${c.description}`}
            </span>
            {data.canTrack && (
              <RecordActions
                label={`${t(`budget.kinds.${c.kind}`)} ${c.year}`}
                remove={() => remove.mutateAsync({ id: c.id })}
              />
            )}
          </li>
        ))}
      </ul>
      {data.canTrack && editing !== "new" && (
        <Button variant="secondary" className="mt-2" onClick={() => open("new")}>
          {t("budget.addInKind")}
        </Button>
      )}
      {editing === "new" && (
        <div className="mt-2">
          <RecordForm
            legend={t("budget.addInKind")}
            fields={fields}
            initial={{ kind: "", quantity: "", year: thisYear(), milestoneId: "", description: "" }}
            submitLabel={t("planning.save")}
            onCancel={close}
            pending={add.isPending}
            error={add.error}
            onSubmit={(v) => add.mutate({ planId, ...v })}
          />
        </div>
      )}
    </section>
  );
}

type LineForm = FormOf<RouterInputs["budget"]["createLine"], "planId">;
type DisbursementForm = FormOf<RouterInputs["budget"]["addDisbursement"], "budgetLineId">;
type InKindForm = FormOf<RouterInputs["budget"]["addInKind"], "planId">;
