"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { searchable } from "@/lib/search-text";

export interface ProvinceOption {
  code: string;
  name: string;
}

/** The 34 provinces as radio buttons under a search box that ignores accents ("dien bien" finds Điện Biên). */
export function ProvincePicker({
  provinces,
  value,
  onChange,
  error,
}: {
  provinces: ProvinceOption[];
  value: string;
  onChange: (code: string) => void;
  error?: string;
}) {
  const t = useTranslations("setup");
  const id = useId();
  const [query, setQuery] = useState("");
  const wanted = searchable(query).replace(/\s+/g, " ").trim();
  const visible = provinces.filter((p) => !wanted || searchable(p.name).includes(wanted) || p.code === wanted);
  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-semibold text-slate-900">{t("provinceLegend")}</legend>
      <div className="space-y-1">
        <label htmlFor={`${id}-search`} className="block text-sm font-medium text-slate-800">
          {t("search")}
        </label>
        <input
          id={`${id}-search`}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          className={controlClass}
        />
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {t("searchHint")}
        </p>
      </div>
      <div
        className={cn(
          "max-h-64 overflow-y-auto rounded-md border bg-white",
          error ? "border-red-500" : "border-slate-300",
        )}
      >
        {visible.length === 0 ? (
          <p className="px-3 py-4 text-sm text-slate-600">{t("noMatch", { query })}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {visible.map((province) => (
              <li key={province.code}>
                <label
                  className={cn(
                    "flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-brand-50",
                    value === province.code && "bg-brand-50",
                  )}
                >
                  <input
                    type="radio"
                    name="province"
                    value={province.code}
                    checked={value === province.code}
                    onChange={() => onChange(province.code)}
                    className="h-4 w-4 accent-brand-700"
                  />
                  <span className="flex-1 font-medium text-slate-900">{province.name}</span>
                  <span className="text-xs tabular-nums text-slate-500">{t("code", { code: province.code })}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
