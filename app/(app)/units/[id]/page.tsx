import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PLAN_PAGE_SIZE } from "@/components/plans/plan-filters";
import { PlanList } from "@/components/plans/plan-list";
import { UnitCriteria } from "@/components/units/unit-criteria";
import { UnitShortages } from "@/components/units/unit-shortages";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatDate } from "@/lib/format";
import { HydrateClient, getCaller, getQueryClient, loadOrNotFound, trpc } from "@/server/api/rsc";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const unit = await (await getCaller()).units.get({ id: (await params).id }).catch(() => null);
  return { title: unit?.name };
}

export default async function UnitPage({ params }: Props) {
  const { id } = await params;
  const caller = await getCaller();
  const unit = await loadOrNotFound(() => caller.units.get({ id }));
  const [t, options] = await Promise.all([getTranslations(), caller.plans.formOptions()]);
  await Promise.all([
    getQueryClient().prefetchQuery(trpc.plans.list.queryOptions({ unitId: unit.id, pageSize: PLAN_PAGE_SIZE })),
    getQueryClient().prefetchQuery(trpc.criteria.unitStatus.queryOptions({ unitId: unit.id })),
    getQueryClient().prefetchQuery(trpc.units.shortages.queryOptions({ id: unit.id })),
  ]);
  const validTo = unit.validTo;
  return (
    <>
      <Breadcrumb
        label={t("units.tree")}
        items={unit.ancestors.map((a) => ({ href: `/units/${a.id}`, label: a.name }))}
      />
      <PageHeader
        title={unit.name}
        actions={
          unit.canRollup && (
            <ButtonLink href={`/dashboard?unit=${unit.id}`} variant="secondary">
              {t("dashboard.open")}
            </ButtonLink>
          )
        }
        eyebrow={
          <span className="flex flex-wrap items-center gap-2">
            <Badge>{t(`levels.${unit.level}`)}</Badge>
            <span>
              {t("units.code")}: {unit.code}
            </span>
            {validTo && (
              <Badge tone="amber">
                {t("units.abolished", { date: formatDate(new Date(validTo.getTime() + 86_400_000)) })}
              </Badge>
            )}
          </span>
        }
      >
        {unit.mergedInto && (
          <p className="mt-2 text-sm text-slate-600">
            <Link href={`/units/${unit.mergedInto.id}`} className="text-brand-700 hover:underline">
              {t("units.mergedInto", { name: unit.mergedInto.name })}
            </Link>
          </p>
        )}
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("units.children")} className="lg:col-span-1">
          {unit.children.length === 0 ? (
            <EmptyState>{t("units.noChildren")}</EmptyState>
          ) : (
            <ul className="max-h-[32rem] divide-y divide-slate-100 overflow-y-auto">
              {unit.children.map((child) => (
                <li key={child.id} className="flex items-center justify-between gap-2 py-2">
                  <Link href={`/units/${child.id}`} className="text-sm font-medium text-brand-700 hover:underline">
                    {child.name}
                  </Link>
                  <span className="shrink-0 text-xs text-slate-500">
                    {t("home.planCount", { count: child._count.plans })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <div className="space-y-6 lg:col-span-2">
          <Card title={t("criteria.status")}>
            <HydrateClient>
              <UnitCriteria unitId={unit.id} />
            </HydrateClient>
          </Card>
          <div id="shortages" className="scroll-mt-20">
            <Card title={t("units.shortages")}>
              <HydrateClient>
                <UnitShortages unitId={unit.id} />
              </HydrateClient>
            </Card>
          </div>
          <Card title={t("units.plans")}>
            <HydrateClient>
              <PlanList
                initialFilters={{}}
                fixed={{ unitId: unit.id }}
                programs={options.programs}
                units={[]}
                syncUrl={false}
              />
            </HydrateClient>
          </Card>
        </div>
      </div>
    </>
  );
}
