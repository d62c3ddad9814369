"use client";

import { Words } from "./version-diff";

export interface DiffPart {
  value: string;
  change: "added" | "removed" | "same";
}

/** Two texts word by word: what was added and removed, marked, in the reading order. */
export function TextDiff({ parts, empty }: { parts: DiffPart[]; empty: string }) {
  if (!parts.some((part) => part.change !== "same")) return <p className="p-5 text-sm text-slate-600">{empty}</p>;
  return (
    <div className="whitespace-pre-wrap p-5 text-[15px] leading-relaxed" data-testid="version-diff">
      <Words parts={parts} />
    </div>
  );
}
