"use client";

import { useTranslations } from "next-intl";

export interface DiffPart {
  value: string;
  change: "added" | "removed" | "same";
}

/** Two texts word by word: what was added and removed, marked, in the reading order. */
export function TextDiff({ parts, empty }: { parts: DiffPart[]; empty: string }) {
  const t = useTranslations("history");
  if (!parts.some((part) => part.change !== "same")) return <p className="p-5 text-sm text-slate-600">{empty}</p>;
  return (
    <div className="whitespace-pre-wrap p-5 text-[15px] leading-relaxed" data-testid="version-diff">
      {parts.map((part, i) =>
        part.change === "added" ? (
          <ins key={i} className="diff-added" title={t("added")}>
            {part.value}
          </ins>
        ) : part.change === "removed" ? (
          <del key={i} className="diff-removed" title={t("removed")}>
            {part.value}
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </div>
  );
}
