"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Field } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/react";
import { formatReference } from "@/lib/domain/plan-reference";

/**
 * The plan a shortage or disbursement annex belongs to, for files without plan columns: typed
 * as its number and symbol, with the user's matching plans offered as they type. Choosing one
 * also fixes its issuing unit, for numbers that two units used.
 */
export function ImportPlanField({
  value,
  onChange,
}: {
  value: string;
  onChange: (plan: { reference: string; unitCode?: string }) => void;
}) {
  const t = useTranslations("imports");
  const trpc = useTRPC();
  const listId = useId();
  const search = value.trim();
  const { data } = useQuery({
    ...trpc.plans.list.queryOptions({ search, pageSize: 10 }),
    enabled: search.length >= 2,
  });
  // A plan is named by its number: drafts not numbered yet cannot be named, so are not offered.
  const plans = (data?.items ?? []).flatMap((p) => {
    const reference = formatReference(p);
    return reference ? [{ reference, unitCode: p.issuingUnit.code, label: `${p.title} — ${p.issuingUnit.name}` }] : [];
  });
  return (
    <Field label={t("plan")} hint={t("planHint")}>
      {(props) => (
        <>
          <input
            {...props}
            list={listId}
            autoComplete="off"
            placeholder={t("planPlaceholder")}
            value={value}
            onChange={(e) => {
              const reference = e.target.value;
              const chosen = plans.filter((p) => p.reference === reference.trim());
              onChange({ reference, unitCode: chosen.length === 1 ? chosen[0]!.unitCode : undefined });
            }}
          />
          <datalist id={listId}>
            {plans.map((p) => (
              <option key={`${p.reference}-${p.unitCode}`} value={p.reference}>
                {p.label}
              </option>
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
