import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotificationList } from "@/components/notifications/notification-list";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, getQueryClient, trpc } from "@/server/api/rsc";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage() {
  const t = await getTranslations("notifications");
  await getQueryClient().prefetchQuery(trpc.notifications.list.queryOptions());
  return (
    <>
      <PageHeader title={t("title")} />
      <HydrateClient>
        <NotificationList />
      </HydrateClient>
    </>
  );
}
