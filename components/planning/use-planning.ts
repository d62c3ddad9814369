"use client";

import { type UseMutationOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc/react";
import type { RouterOutputs } from "@/lib/trpc/types";

export type Planning = RouterOutputs["planning"]["get"];
export type PlanningOptions = RouterOutputs["planning"]["options"];

/** The plan's structured data; LivePlanEvents refreshes it when anyone changes it. */
export function usePlanning(planId: string) {
  const trpc = useTRPC();
  const planning = useQuery(trpc.planning.get.queryOptions({ planId }));
  const options = useQuery(trpc.planning.options.queryOptions({ planId }));
  return { data: planning.data, options: options.data, error: planning.error };
}

/**
 * A change to the plan's structured data from this screen: once the server has it, this screen
 * refreshes the plan's data itself (then runs `onDone`, e.g. closing the form). The live stream
 * tells everyone else, and would tell the author too, but a saved change must not look lost
 * because the stream dropped.
 */
export function usePlanningMutation<TData, TError, TVariables, TContext>(
  planId: string,
  options: UseMutationOptions<TData, TError, TVariables, TContext>,
  onDone?: () => void,
) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.planning.get.queryKey({ planId }) });
      onDone?.();
    },
  });
}
