"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc/react";
import type { RouterOutputs } from "@/lib/trpc/types";
import type { EvidenceSubjectType } from "@/lib/domain/evidence";

export type EvidenceItem = RouterOutputs["evidence"]["list"]["items"][number];
export type EvidenceSubject = { type: EvidenceSubjectType; id: string };

/** Whether an item hangs on `subject` (plan-level evidence hangs on no record). */
export const belongsTo = (item: EvidenceItem, { type, id }: EvidenceSubject) =>
  type === "milestone"
    ? item.milestoneId === id
    : type === "shortage"
      ? item.shortageId === id
      : type === "disbursement"
        ? item.disbursementId === id
        : !item.milestoneId && !item.shortageId && !item.disbursementId;

/** The plan's evidence, one query for every control on the page; LivePlanEvents refreshes it. */
export function useEvidence(planId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.evidence.list.queryOptions({ planId }));
  return {
    data: query.data,
    refresh: () => queryClient.invalidateQueries({ queryKey: trpc.evidence.list.queryKey({ planId }) }),
  };
}

/** What an upload route answers on refusal: a message key, field errors, and values for the message. */
export interface UploadRefusal {
  error?: string;
  fieldErrors?: Record<string, string[]>;
  params?: Record<string, number>;
}

/** Posts a multipart form to an upload route; the refusal's keys, or null when it was stored. */
export async function postForm(url: string, form: FormData): Promise<UploadRefusal | null> {
  const response = await fetch(url, { method: "POST", body: form });
  if (response.ok) return null;
  return ((await response.json().catch(() => null)) as UploadRefusal | null) ?? { error: "errors.internal" };
}
