"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useDeferredValue, useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";
import { Checkbox } from "@/components/ui/checkbox";
import { controlClass } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/react";
import { PlanTable } from "./plan-table";
import { PLAN_PAGE_SIZE, type PlanFilterState, filtersToSearchParams } from "./plan-filters";

interface Props {
  initialFilters: PlanFilterState;
  programs: { id: string; name: string; nameEn: string; periodStart: number; periodEnd: number }[];
  units: { id: string; name: string }[];
  /** Filters fixed by the page (e.g. the unit page), not shown and not in the URL. */
  fixed?: Partial<PlanFilterState>;
  syncUrl?: boolean;
}

/** Plans with filters kept in the URL, so a filtered list can be shared or bookmarked. */
export function PlanList({ initialFilters, programs, units, fixed, syncUrl = true }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const [filters, setFilters] = useState(initialFilters);
  const [showFilters, setShowFilters] = useState(false);
  const [searchText, setSearchText] = useState(initialFilters.search ?? "");
  const search = useDeferredValue(searchText.trim() || undefined);
  const input = { ...filters, search, ...fixed, pageSize: PLAN_PAGE_SIZE };
  const query = useQuery({ ...trpc.plans.list.queryOptions(input), placeholderData: keepPreviousData });

  useEffect(() => {
    if (!syncUrl) return;
    const params = filtersToSearchParams({ ...filters, search }).toString();
    window.history.replaceState(null, "", params ? `?${params}` : window.location.pathname);
  }, [filters, search, syncUrl]);

  const update = (patch: Partial<PlanFilterState>) =>
    setFilters((current) => ({ ...current, ...patch, page: patch.page ?? 1 }));
  const years = Array.from({ length: 2030 - 2021 + 1 }, (_, i) => 2021 + i);
  const periods = [...new Set(programs.map((p) => p.periodStart))].map((start) =>
    programs.find((p) => p.periodStart === start)!,
  );
  const data = query.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <div className="space-y-4">
      <div className="flex items-end gap-2">
        <label className="min-w-0 flex-1">
          <span className="mb-1 block text-xs font-medium text-slate-600">{t("filters.search")}</span>
          <input
            type="search"
            value={searchText}
            onChange={(e) => {
              setSearchText(e.target.value);
              update({});
            }}
            placeholder={t("filters.searchPlaceholder")}
            className={controlClass}
          />
        </label>
        <button
          type="button"
          aria-expanded={showFilters}
          aria-controls="plan-filters"
          onClick={() => setShowFilters(!showFilters)}
          className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-700 sm:hidden"
        >
          {t("filters.more")}
        </button>
      </div>
      <div
        id="plan-filters"
        className={cn("gap-3 sm:grid sm:grid-cols-3 lg:grid-cols-6", showFilters ? "grid" : "hidden")}
      >
        <FilterSelect
          label={t("plans.year")}
          value={filters.year ?? ""}
          onChange={(v) => update({ year: v ? Number(v) : undefined })}
          options={[["", t("filters.allYears")], ...years.map((y) => [String(y), String(y)] as const)]}
        />
        <FilterSelect
          label={t("plans.status")}
          value={filters.status ?? ""}
          onChange={(v) => update({ status: (v || undefined) as PlanFilterState["status"] })}
          options={[
            ["", t("filters.allStatuses")],
            ...(["draft", "submitted", "returned", "approved", "superseded"] as const).map(
              (s) => [s, t(`status.${s}`)] as const,
            ),
          ]}
        />
        <FilterSelect
          label={t("plans.program")}
          value={filters.programId ?? ""}
          onChange={(v) => update({ programId: v || undefined })}
          options={[
            ["", t("filters.allPrograms")],
            ...programs.map((p) => [p.id, locale === "en" ? p.nameEn : p.name] as const),
          ]}
        />
        <FilterSelect
          label={t("plans.period")}
          value={filters.periodStart ?? ""}
          onChange={(v) => update({ periodStart: v ? Number(v) : undefined })}
          options={[
            ["", t("filters.allPeriods")],
            ...periods.map((p) => [String(p.periodStart), `${p.periodStart}–${p.periodEnd}`] as const),
          ]}
        />
        {!fixed?.unitId && (
          <FilterSelect
            label={t("filters.unit")}
            value={filters.unitId ?? ""}
            onChange={(v) => update({ unitId: v || undefined })}
            options={[["", t("filters.allUnits")], ...units.map((u) => [u.id, u.name] as const)]}
          />
        )}
        <Checkbox
          className="self-end pb-2"
          label={t("filters.mine")}
          checked={!!filters.mine}
          onChange={(mine) => update({ mine: mine || undefined })}
        />
      </div>
      <div className="flex items-center justify-between text-sm text-slate-600" aria-live="polite">
        <span>{data ? t("plans.count", { count: data.total }) : "…"}</span>
        <button
          type="button"
          className="font-medium text-brand-700 hover:underline"
          onClick={() => {
            setSearchText("");
            setFilters({});
          }}
        >
          {t("filters.clear")}
        </button>
      </div>
      {query.isError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("errors.network")}
        </p>
      ) : (
        <div className={query.isFetching ? "opacity-70 transition-opacity" : undefined}>
          <PlanTable plans={data?.items ?? []} empty={t("plans.empty")} />
        </div>
      )}
      {data && pages > 1 && (
        <nav
          className="flex items-center justify-between text-sm"
          aria-label={t("pagination.page", { page: data.page, pages })}
        >
          <button
            type="button"
            disabled={data.page <= 1}
            onClick={() => update({ page: data.page - 1 })}
            className="rounded-md border border-slate-300 px-3 py-1.5 disabled:opacity-50"
          >
            {t("pagination.previous")}
          </button>
          <span>{t("pagination.page", { page: data.page, pages })}</span>
          <button
            type="button"
            disabled={data.page >= pages}
            onClick={() => update({ page: data.page + 1 })}
            className="rounded-md border border-slate-300 px-3 py-1.5 disabled:opacity-50"
          >
            {t("pagination.next")}
          </button>
        </nav>
      )}
    </div>
  );
}

function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string | number;
  onChange: (value: string) => void;
  options: (readonly [string, string])[];
}) {
  return (
    <label>
      <span className="mb-1 block text-xs font-medium text-slate-600">{label}</span>
      <select value={String(value)} onChange={(e) => onChange(e.target.value)} className={controlClass}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
