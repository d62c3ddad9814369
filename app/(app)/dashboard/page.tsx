import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Dashboard } from "@/components/dashboard/dashboard";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, getCaller, getQueryClient, loadOrNotFound, trpc } from "@/server/api/rsc";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

type Props = { searchParams: Promise<{ unit?: string; period?: string }> };

/** Roll-ups of a unit (by default the highest unit the user works at) for a period. */
export default async function DashboardPage({ searchParams }: Props) {
  const params = await searchParams;
  const caller = await getCaller();
  const [t, me] = await Promise.all([getTranslations("dashboard"), caller.me()]);
  const unitId = params.unit ?? [...me.memberships].sort((a, b) => a.unitPath.length - b.unitPath.length)[0]?.unitId;
  if (!unitId) return <EmptyState>{t("noData")}</EmptyState>;
  const options = await loadOrNotFound(() => caller.dashboard.periods({ unitId }));
  await getQueryClient().prefetchQuery(trpc.dashboard.periods.queryOptions({ unitId }));
  return (
    <>
      <PageHeader title={`${t("title")} · ${options.unit.name}`} />
      <HydrateClient>
        <Dashboard unitId={unitId} initialPeriod={params.period} />
      </HydrateClient>
    </>
  );
}
