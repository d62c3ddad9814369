"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { formatReference } from "@/lib/domain/plan-reference";

export function NotificationList() {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.notifications.list.queryOptions());
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() }),
    }),
  );
  const unread = list.data?.filter((n) => !n.readAt).length ?? 0;
  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <Button variant="secondary" disabled={unread === 0 || markRead.isPending} onClick={() => markRead.mutate({})}>
          {t("markAllRead")}
        </Button>
      </div>
      {list.data?.length === 0 && <EmptyState>{t("empty")}</EmptyState>}
      <ul
        className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
        data-testid="notification-list"
      >
        {list.data?.map((n) => (
          <li key={n.id} className={cn("px-4 py-3", !n.readAt && "bg-brand-50")}>
            <Link
              href={n.kind === "overdue" ? `/plans/${n.plan.id}?tab=milestones` : `/plans/${n.plan.id}`}
              onClick={() => !n.readAt && markRead.mutate({ ids: [n.id] })}
              className="block"
            >
              <span className="text-sm text-slate-900">
                {t(n.kind, { actor: n.actor?.name ?? "", reference: formatReference(n.plan) ?? `“${n.plan.title}”` })}
              </span>
              <span className="mt-0.5 block text-xs text-slate-500">
                {n.plan.issuingUnit.name} · {formatDateTime(n.createdAt)}
                {n.doneAt && <> · {t("done", { at: formatDateTime(n.doneAt) })}</>}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
