"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";

/**
 * Which record is being edited ("new" for the add form) — one form open at a time per tab.
 */
export function useEditing() {
  const [editing, setEditing] = useState<string | null>(null);
  return { editing, open: (id: string) => setEditing(id), close: () => setEditing(null) };
}

/** Edit and delete links of a record; deleting asks first and reports a refusal inline. */
export function RecordActions({
  label,
  onEdit,
  remove,
}: {
  label: string;
  onEdit?: () => void;
  remove?: () => Promise<unknown>;
}) {
  const t = useTranslations("planning");
  const removal = useMutation({ mutationFn: async () => remove?.() });
  return (
    <span className="flex shrink-0 items-center gap-3 text-sm">
      {onEdit && (
        <button
          type="button"
          className="font-medium text-brand-700 hover:underline"
          onClick={onEdit}
          aria-label={`${t("edit")}: ${label}`}
        >
          {t("edit")}
        </button>
      )}
      {remove && (
        <button
          type="button"
          className="font-medium text-red-700 hover:underline disabled:opacity-50"
          disabled={removal.isPending}
          aria-label={`${t("delete")}: ${label}`}
          onClick={() => window.confirm(t("confirmDelete")) && removal.mutate()}
        >
          {t("delete")}
        </button>
      )}
      {removal.error && (
        <span role="alert" className="text-xs text-red-700">
          {t("deleteFailed")}
        </span>
      )}
    </span>
  );
}
