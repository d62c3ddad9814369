import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { VersionHistory } from "@/components/document/version-history";
import { PlanStatusBadge } from "@/components/plans/plan-status-badge";
import { PlanTabs } from "@/components/plans/plan-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, getCaller, getQueryClient, loadOrNotFound, trpc } from "@/server/api/rsc";
import { PlanReference } from "@/components/plans/plan-reference";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("history"))("title") };
}

export default async function PlanHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await getCaller();
  const plan = await loadOrNotFound(() => caller.plans.get({ id }));
  await getQueryClient().prefetchQuery(trpc.documents.versions.queryOptions({ planId: plan.id }));
  return (
    <>
      <PageHeader
        eyebrow={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`/plans/${plan.id}`} className="font-semibold text-brand-700 hover:underline">
              <PlanReference plan={plan} />
            </Link>
            <PlanStatusBadge plan={plan} />
          </span>
        }
        title={plan.title}
      />
      <PlanTabs planId={plan.id} current="history" />
      <HydrateClient>
        <VersionHistory planId={plan.id} canEdit={plan.canEdit} />
      </HydrateClient>
    </>
  );
}
