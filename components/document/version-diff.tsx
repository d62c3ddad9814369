"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { RouterOutputs } from "@/lib/trpc/types";

type Blocks = RouterOutputs["documents"]["version"]["comparison"];
type Parts = Extract<Blocks[number], { kind: "text" }>["parts"];
type Change = Extract<Blocks[number], { kind: "table" }>["change"];

/** Words added, removed or kept (also the amendment comparison's text: TextDiff). */
export function Words({ parts }: { parts: Parts }) {
  const t = useTranslations("history");
  return parts.map((part, i) =>
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
  );
}

const tone: Record<Change, string> = {
  same: "",
  added: "bg-emerald-50",
  removed: "bg-red-50",
  changed: "bg-amber-50 ring-1 ring-inset ring-amber-300",
};

/**
 * How the current text differs from a version: text word by word, tables as tables, where
 * each added, removed or changed row and cell is marked (colour, and its name for screen readers).
 */
export function VersionDiff({ blocks }: { blocks: Blocks }) {
  const t = useTranslations("history");
  return (
    <div className="space-y-3 p-5 text-[15px] leading-relaxed" data-testid="version-diff">
      {blocks.map((block, i) =>
        block.kind === "text" ? (
          <div key={i} className="whitespace-pre-wrap">
            <Words parts={block.parts} />
          </div>
        ) : (
          <div key={i} className="overflow-x-auto">
            {block.change !== "same" && (
              <p className="mb-1 text-xs font-medium text-slate-600">{t(`table.${block.change}`)}</p>
            )}
            <table
              className={cn("w-full border-collapse text-sm", block.change === "removed" && "line-through")}
              data-testid="version-diff-table"
              data-change={block.change}
            >
              <tbody>
                {block.rows.map((row, r) => (
                  <tr key={r} className={cn(row.change !== "changed" && tone[row.change])} data-change={row.change}>
                    {row.cells.map((cell, c) => {
                      const Cell = cell.header ? "th" : "td";
                      return (
                        <Cell
                          key={c}
                          className={cn(
                            "border border-slate-300 px-2 py-1 text-left align-top whitespace-pre-wrap",
                            cell.header && "bg-slate-50 font-semibold",
                            row.change === "changed" && tone[cell.change],
                          )}
                          data-change={cell.change}
                        >
                          <Words parts={cell.parts} />
                          {cell.change !== "same" && <span className="sr-only"> ({t(`cell.${cell.change}`)})</span>}
                        </Cell>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ),
      )}
    </div>
  );
}
