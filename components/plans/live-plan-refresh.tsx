"use client";

import { useSubscription } from "@trpc/tanstack-react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/lib/trpc/react";

/** Re-renders the plan page when its workflow status changes elsewhere (approved, returned…). */
export function LivePlanRefresh({ planId }: { planId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  useSubscription(trpc.live.plan.subscriptionOptions({ planId }, { onData: (event) => event.topic === "workflow" && router.refresh() }));
  return null;
}
