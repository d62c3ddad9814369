"use client";

import { useTranslations } from "next-intl";
import type { ImportKind } from "@/lib/domain/imports";

const ACCEPTED: Record<ImportKind, string[]> = {
  units: ["province", "district", "commune", "agency", "school"].map((l) => `levels.${l}`),
  criteria: ["met", "not_met", "advanced", "model"].map((r) => `criteria.results.${r}`),
  shortages: ["boarding_rooms", "teacher_housing", "solid_classrooms", "teachers", "equipment", "other"].map(
    (c) => `shortages.categories.${c}`,
  ),
  disbursements: [
    "central_budget",
    "local_budget",
    "integrated_programmes",
    "credit",
    "social_mobilisation",
    "people_contributions",
  ].map((s) => `budget.sources.${s}`),
};

/** What a kind of file holds, and the values its cells may take. */
export function ImportKindHint({ kind }: { kind: ImportKind }) {
  const t = useTranslations();
  return (
    <>
      <p className="mt-2 max-w-3xl text-sm text-slate-600">{t(`imports.kindHints.${kind}`)}</p>
      <p className="mt-1 max-w-3xl text-xs text-slate-500">
        {t("imports.accepted")}: {ACCEPTED[kind].map((key) => t(key)).join(" · ")}
      </p>
    </>
  );
}

/** The templates of a kind, for the period and set chosen (criteria), with the user's units. */
export function ImportTemplates({ kind, period, setCode }: { kind: ImportKind; period: string; setCode: string }) {
  const t = useTranslations("imports");
  const query =
    kind === "criteria"
      ? `&period=${encodeURIComponent(period)}${setCode ? `&set=${encodeURIComponent(setCode)}` : ""}`
      : "";
  return (
    <span className="text-sm text-slate-600">
      {t("templates")}:{" "}
      <a
        className="font-medium text-brand-700 hover:underline"
        href={`/api/templates/${kind}?format=xlsx${query}`}
        download
      >
        {t("templateXlsx")}
      </a>
      {" · "}
      <a
        className="font-medium text-brand-700 hover:underline"
        href={`/api/templates/${kind}?format=csv${query}`}
        download
      >
        {t("templateCsv")}
      </a>
    </span>
  );
}
