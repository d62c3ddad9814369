"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { formatReference } from "@/lib/domain/plan-reference";
import { useServerError } from "@/lib/trpc/server-error";
import { useTRPC } from "@/lib/trpc/react";
import type { TPlanDetailsInput } from "@/server/api/routers/plans/schemas";

type Values = { [K in keyof TPlanDetailsInput]: string };

interface Props {
  /** Present when editing. */
  planId?: string;
  initial: Values;
  units: { id: string; name: string; level: string; validTo: Date | null }[];
  programs: { id: string; name: string; nameEn: string; periodStart: number; periodEnd: number }[];
  /** Sent back here by a submission refused for want of a number: the field says so until edited. */
  needsNumber?: boolean;
}

/**
 * Creates or edits a plan's details. The server validates everything (zod and the domain
 * rules) and answers with message keys per field, shown here under each field.
 */
export function PlanForm({ planId, initial, units, programs, needsNumber = false }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [values, setValues] = useState<Values>(initial);
  const [outline, setOutline] = useState(true);
  const [numberWanted, setNumberWanted] = useState(needsNumber);
  const parents = useQuery({
    ...trpc.plans.parentCandidates.queryOptions({ issuingUnitId: values.issuingUnitId }),
    enabled: !!values.issuingUnitId,
  });
  const onSuccess = (plan: { id: string }) => {
    router.push(`/plans/${plan.id}`);
    router.refresh();
  };
  const create = useMutation(trpc.plans.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.plans.update.mutationOptions({ onSuccess }));
  const mutation = planId ? update : create;
  const { message: errorMessage, fieldError } = useServerError(mutation.error);

  const set = (field: keyof Values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    if (planId) update.mutate({ id: planId, details: values });
    else create.mutate({ ...values, outline });
  }

  // A plan implements a plan of its own programme, so choosing the parent settles the programme.
  const chooseParent = (parentId: string) => {
    const parent = parents.data?.find((p) => p.id === parentId);
    setValues((v) => ({ ...v, parentId, programId: parent ? parent.program.id : v.programId }));
  };
  const program = programs.find((p) => p.id === values.programId);
  const unitGroups = groupBy(units, (u) => u.level);
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-5"
      aria-describedby={errorMessage ? "form-error" : undefined}
    >
      {errorMessage && (
        <div
          id="form-error"
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {errorMessage}
        </div>
      )}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          label={t("plans.reference")}
          hint={t("form.referenceHint")}
          error={fieldError("reference") ?? (numberWanted ? t("validation.referenceRequiredToSubmit") : undefined)}
        >
          {(props) => (
            <input
              {...props}
              name="reference"
              value={values.reference}
              autoFocus={numberWanted}
              onChange={(event) => {
                setNumberWanted(false);
                set("reference")(event);
              }}
              placeholder="2543/KH-SGDĐT"
              autoComplete="off"
            />
          )}
        </Field>
        <Field label={t("plans.issuedOn")} error={fieldError("issuedOn")}>
          {(props) => (
            <input {...props} name="issuedOn" type="date" value={values.issuedOn ?? ""} onChange={set("issuedOn")} />
          )}
        </Field>
      </div>
      <Field label={t("plans.titleField")} error={fieldError("title")} required>
        {(props) => <textarea {...props} name="title" rows={3} value={values.title} onChange={set("title")} />}
      </Field>
      <Field label={t("plans.issuingUnit")} error={fieldError("issuingUnitId")} required>
        {(props) => (
          <select
            {...props}
            name="issuingUnitId"
            value={values.issuingUnitId}
            onChange={(e) => setValues((v) => ({ ...v, issuingUnitId: e.target.value, parentId: "" }))}
          >
            <option value="">{t("form.choose")}</option>
            {Object.entries(unitGroups).map(([level, group]) => (
              <optgroup key={level} label={t(`levels.${level}`)}>
                {group.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label={t("plans.program")} error={fieldError("programId")} required>
          {(props) => (
            <select {...props} name="programId" value={values.programId} onChange={set("programId")}>
              <option value="">{t("form.choose")}</option>
              {programs.map((p) => (
                <option key={p.id} value={p.id}>
                  {locale === "en" ? p.nameEn : p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("plans.year")} hint={t("form.yearHint")} error={fieldError("year")}>
          {(props) => (
            <select {...props} name="year" value={values.year ?? ""} onChange={set("year")}>
              <option value="">
                {t("plans.wholePeriod")}
                {program ? ` (${program.periodStart}–${program.periodEnd})` : ""}
              </option>
              {program &&
                Array.from(
                  { length: program.periodEnd - program.periodStart + 1 },
                  (_, i) => program.periodStart + i,
                ).map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t("plans.parent")} hint={t("form.parentHint")} error={fieldError("parentId")}>
        {(props) => (
          <select
            {...props}
            name="parentId"
            value={values.parentId ?? ""}
            onChange={(e) => chooseParent(e.target.value)}
            disabled={!values.issuingUnitId}
          >
            <option value="">{t("plans.noParent")}</option>
            {(parents.data ?? [])
              .filter((p) => !values.programId || p.program.id === values.programId)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {formatReference(p) ?? t("plans.noNumber")} — {p.title.slice(0, 90)}
                </option>
              ))}
          </select>
        )}
      </Field>
      {!planId && <Checkbox label={t("form.outline")} checked={outline} onChange={setOutline} />}
      <div className="flex gap-3 border-t border-slate-200 pt-5">
        <Button type="submit" disabled={mutation.isPending} aria-busy={mutation.isPending}>
          {mutation.isPending ? t("form.saving") : planId ? t("form.save") : t("form.create")}
        </Button>
        <ButtonLink href={planId ? `/plans/${planId}` : "/plans"} variant="secondary">
          {t("form.cancel")}
        </ButtonLink>
      </div>
    </form>
  );
}

function groupBy<T>(items: T[], key: (item: T) => string): Record<string, T[]> {
  const groups: Record<string, T[]> = {};
  for (const item of items) (groups[key(item)] ??= []).push(item);
  return groups;
}
