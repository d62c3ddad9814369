import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PlanList } from "@/components/plans/plan-list";
import { PLAN_PAGE_SIZE, filtersFromSearchParams } from "@/components/plans/plan-filters";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, getCaller, getQueryClient, trpc } from "@/server/api/rsc";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plans"))("title") };
}

export default async function PlansPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const filters = filtersFromSearchParams(await searchParams);
  const caller = await getCaller();
  const [t, options, units] = await Promise.all([getTranslations(), caller.plans.formOptions(), caller.units.list()]);
  await getQueryClient().prefetchQuery(trpc.plans.list.queryOptions({ ...filters, pageSize: PLAN_PAGE_SIZE }));
  return (
    <>
      <PageHeader
        title={t("plans.title")}
        actions={options.units.length > 0 && <ButtonLink href="/plans/new">{t("plans.new")}</ButtonLink>}
      />
      <Card>
        <HydrateClient>
          <PlanList initialFilters={filters} programs={options.programs} units={units} />
        </HydrateClient>
      </Card>
    </>
  );
}
