"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/lib/trpc/react";

/**
 * The suggested changes still open in the plan's text, as the server has stored them: listed
 * when a reviewer returns the plan (the planner will deal with each) and before approving it
 * (which they would prevent). Shows nothing when there are none.
 */
export function OpenSuggestions({ planId, when }: { planId: string; when: "return" | "approve" }) {
  const t = useTranslations("suggestions");
  const trpc = useTRPC();
  const open = useQuery({ ...trpc.documents.suggestions.queryOptions({ planId }), staleTime: 0 });
  if (!open.data?.length) return null;
  return (
    <div
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
      role={when === "approve" ? "alert" : undefined}
      data-testid="open-suggestions"
    >
      <p>{t(when === "return" ? "openOnReturn" : "openOnApprove", { count: open.data.length })}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {open.data.map((s) => (
          <li key={s.id}>
            <span className="font-medium">{s.author.name}:</span>{" "}
            {s.deleted && (
              <>
                {t("deleted")} <del>“{s.deleted}”</del>{" "}
              </>
            )}
            {s.inserted && (
              <>
                {t("inserted")} <ins>“{s.inserted}”</ins>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
