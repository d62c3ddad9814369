"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/lib/trpc/react";

/**
 * The plan page's one live connection: when someone else changes the plan, the part they
 * changed is fetched again — the page for a workflow step, the threads for a comment, the
 * planning tabs for a target, milestone, budget line or shortage. One subscription per page
 * keeps the browser's few connections per server free.
 */
export function LivePlanEvents({ planId }: { planId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  useSubscription(
    trpc.live.plan.subscriptionOptions(
      { planId },
      {
        onData: (event) => {
          if (event.topic === "workflow") router.refresh();
          if (event.topic === "comments")
            void queryClient.invalidateQueries({ queryKey: trpc.comments.list.queryKey({ planId }) });
          if (event.topic === "planning" || event.topic === "workflow")
            void queryClient.invalidateQueries({ queryKey: trpc.evidence.list.queryKey({ planId }) });
          // Every topic touches the tabs: their data, what may be edited, or the comment counts.
          void queryClient.invalidateQueries({ queryKey: trpc.planning.get.queryKey({ planId }) });
        },
      },
    ),
  );
  return null;
}
