"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "@/lib/trpc/react";
import type { AppRouter } from "@/server/api/root";

export type Planning = inferRouterOutputs<AppRouter>["planning"]["get"];
export type PlanningOptions = inferRouterOutputs<AppRouter>["planning"]["options"];
/** What the planning procedures take. Forms send what was typed; the server validates and answers per field. */
export type Inputs = inferRouterInputs<AppRouter>;

/** The plan's structured data; LivePlanEvents refreshes it when anyone changes it. */
export function usePlanning(planId: string) {
  const trpc = useTRPC();
  const planning = useQuery(trpc.planning.get.queryOptions({ planId }));
  const options = useQuery(trpc.planning.options.queryOptions({ planId }));
  return { data: planning.data, options: options.data, error: planning.error };
}
