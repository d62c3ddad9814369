import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CriteriaSets } from "@/components/criteria/criteria-sets";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, getCaller, getQueryClient, trpc } from "@/server/api/rsc";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("criteria"))("title") };
}

export default async function CriteriaPage() {
  await getCaller();
  const t = await getTranslations("criteria");
  await getQueryClient().prefetchQuery(trpc.criteria.sets.queryOptions());
  return (
    <>
      <PageHeader title={t("title")}>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      </PageHeader>
      <HydrateClient>
        <CriteriaSets />
      </HydrateClient>
    </>
  );
}
