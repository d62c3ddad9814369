import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { VersionHistory } from "@/components/document/version-history";
import { PlanStatusBadge } from "@/components/plans/plan-status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, getCaller, getQueryClient, loadOrNotFound, trpc } from "@/server/api/rsc";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("history"))("title") };
}

export default async function PlanHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await getCaller();
  const plan = await loadOrNotFound(() => caller.plans.get({ id }));
  const t = await getTranslations();
  await getQueryClient().prefetchQuery(trpc.documents.versions.queryOptions({ planId: plan.id }));
  return (
    <>
      <PageHeader
        eyebrow={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`/plans/${plan.id}`} className="font-semibold text-brand-700 hover:underline">{plan.number}/{plan.symbol}</Link>
            <PlanStatusBadge status={plan.status} />
          </span>
        }
        title={plan.title}
      />
      <nav className="mb-2 flex gap-4 text-sm" aria-label={t("history.title")}>
        <Link href={`/plans/${plan.id}`} className="pb-1 text-slate-600 hover:text-brand-700">{t("history.document")}</Link>
        <span className="border-b-2 border-brand-700 pb-1 font-semibold text-slate-900" aria-current="page">{t("history.title")}</span>
      </nav>
      <HydrateClient>
        <VersionHistory planId={plan.id} canEdit={plan.canEdit} />
      </HydrateClient>
    </>
  );
}
