"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { type FieldSpec, type FormOf, RecordForm } from "@/components/planning/record-form";
import { useEditing } from "@/components/planning/record-actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useTRPC } from "@/lib/trpc/react";
import type { RouterInputs } from "@/lib/trpc/types";

/** The national criteria sets; admins complete names and indicator counts in place. */
type CriterionForm = FormOf<RouterInputs["criteria"]["addCriterion"], "setId">;

export function CriteriaSets() {
  const t = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.criteria.sets.queryOptions());
  const { editing, open, close } = useEditing();
  const done = () => {
    close();
    void queryClient.invalidateQueries({ queryKey: trpc.criteria.sets.queryKey() });
  };
  const update = useMutation(trpc.criteria.updateCriterion.mutationOptions({ onSuccess: done }));
  const add = useMutation(trpc.criteria.addCriterion.mutationOptions({ onSuccess: done }));
  const fields: FieldSpec<CriterionForm>[] = [
    { name: "name", label: t("criteria.name"), required: true, wide: true },
    { name: "nameEn", label: t("criteria.nameEn"), required: true, wide: true },
    { name: "indicatorCount", label: t("criteria.indicators"), inputMode: "numeric" },
  ];
  return (
    <div className="space-y-6">
      {data.sets.map((set) => (
        <Card
          key={set.id}
          title={locale === "en" ? set.nameEn : set.name}
          action={
            <span className="flex flex-wrap gap-2">
              <Badge>{t(`levels.${set.unitLevel}`)}</Badge>
              <Badge tone="blue">
                {set.periodStart}–{set.periodEnd}
              </Badge>
              {set.hasLevels && <Badge tone="green">{t("criteria.levels")}</Badge>}
              {set.groupCount > 0 && <Badge tone="amber">{t("criteria.groups", { count: set.groupCount })}</Badge>}
            </span>
          }
        >
          <p className="mb-3 text-sm text-slate-600">
            {t("criteria.decision")}: {set.decision || "—"} · {set.code}
            {set.indicatorCount !== null && ` · ${t("criteria.indicators")}: ${set.indicatorCount}`}
          </p>
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="w-12 py-1 pr-2 font-medium">{t("criteria.number")}</th>
                <th className="py-1 pr-2 font-medium">{t("criteria.name")}</th>
                <th className="hidden py-1 pr-2 font-medium sm:table-cell">{t("criteria.nameEn")}</th>
                <th className="w-24 py-1 pr-2 text-right font-medium">{t("criteria.indicators")}</th>
                {data.canManage && (
                  <th className="w-16">
                    <span className="sr-only">{t("planning.edit")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {set.criteria.map((c) =>
                editing === c.id ? (
                  <tr key={c.id}>
                    <td colSpan={5} className="py-2">
                      <RecordForm
                        legend={`${t("planning.edit")}: ${c.number}. ${c.name}`}
                        fields={fields}
                        submitLabel={t("planning.save")}
                        onCancel={close}
                        initial={{ name: c.name, nameEn: c.nameEn, indicatorCount: c.indicatorCount?.toString() ?? "" }}
                        pending={update.isPending}
                        error={update.error}
                        onSubmit={(v) => update.mutate({ id: c.id, ...v })}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={c.id}>
                    <td className="py-1.5 pr-2 tabular-nums">{c.number}</td>
                    <td className="py-1.5 pr-2">{c.name}</td>
                    <td className="hidden py-1.5 pr-2 text-slate-600 sm:table-cell">{c.nameEn}</td>
                    <td className="py-1.5 pr-2 text-right tabular-nums">{c.indicatorCount ?? "—"}</td>
                    {data.canManage && (
                      <td className="py-1.5 text-right">
                        <button
                          type="button"
                          className="font-medium text-brand-700 hover:underline"
                          aria-label={`${t("planning.edit")}: ${c.number}. ${c.name}`}
                          onClick={() => open(c.id)}
                        >
                          {t("planning.edit")}
                        </button>
                      </td>
                    )}
                  </tr>
                ),
              )}
            </tbody>
          </table>
          {data.canManage && editing !== `add-${set.id}` && (
            <Button variant="secondary" className="mt-3" onClick={() => open(`add-${set.id}`)}>
              {t("criteria.addCriterion")}
            </Button>
          )}
          {editing === `add-${set.id}` && (
            <div className="mt-3">
              <RecordForm
                legend={t("criteria.addCriterion")}
                fields={fields}
                submitLabel={t("planning.save")}
                onCancel={close}
                initial={{ name: "", nameEn: "", indicatorCount: "" }}
                pending={add.isPending}
                error={add.error}
                onSubmit={(v) => add.mutate({ setId: set.id, ...v })}
              />
            </div>
          )}
        </Card>
      ))}
    </div>
  );
}
