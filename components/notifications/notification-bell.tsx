"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/lib/trpc/react";

/** The unread count in the header, kept current by the user's live channel. */
export function NotificationBell() {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const unread = useQuery(trpc.notifications.unreadCount.queryOptions());
  useSubscription(
    trpc.live.me.subscriptionOptions(undefined, {
      onData: () => void queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() }),
    }),
  );
  const count = unread.data ?? 0;
  return (
    <Link
      href="/notifications"
      className="relative rounded-md p-2 text-slate-600 hover:bg-slate-100"
      aria-label={t("bell", { count })}
      data-testid="notification-bell"
    >
      <svg
        viewBox="0 0 24 24"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
      >
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 && (
        <span
          className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white"
          data-testid="unread-count"
        >
          {count > 99 ? "99+" : count}
        </span>
      )}
    </Link>
  );
}
