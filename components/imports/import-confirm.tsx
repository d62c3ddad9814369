"use client";

import { useTranslations } from "next-intl";
import type { Confirmation } from "@/lib/domain/imports";
import { useIssueText } from "./import-report";

/**
 * What the user agrees to before importing, one box each: marks read as results, money
 * lowered or cleared, and (for the valid rows only) the units that will have no results.
 */
export function ImportConfirm({
  confirmations,
  checked,
  onChange,
}: {
  confirmations: Confirmation[];
  checked: string[];
  onChange: (keys: string[]) => void;
}) {
  const t = useTranslations("imports");
  const text = useIssueText();
  if (!confirmations.length) return null;
  return (
    <fieldset
      className="space-y-2 rounded-md border border-amber-200 bg-amber-50 px-4 py-3"
      data-testid="import-confirm"
    >
      <legend className="px-1 text-sm font-semibold text-amber-900">{t("confirmTitle")}</legend>
      {confirmations.map((c) => (
        <label key={c.key} className="flex items-start gap-2 text-sm text-amber-950">
          <input
            type="checkbox"
            className="mt-0.5"
            checked={checked.includes(c.key)}
            onChange={(e) => onChange(e.target.checked ? [...checked, c.key] : checked.filter((k) => k !== c.key))}
          />
          <span>{text(c)}</span>
        </label>
      ))}
    </fieldset>
  );
}
