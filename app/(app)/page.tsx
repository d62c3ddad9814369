import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PlanTable } from "@/components/plans/plan-table";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getCaller } from "@/server/api/rsc";

export default async function HomePage() {
  const caller = await getCaller();
  const [t, me, units, plans, options] = await Promise.all([
    getTranslations(),
    caller.me(),
    caller.units.mine(),
    caller.plans.list({ mine: true, pageSize: 10 }),
    caller.plans.formOptions(),
  ]);
  const reviews = me.memberships.some((m) => m.role === "leader" || m.role === "admin")
    ? await caller.plans.list({ awaitingMyReview: true, pageSize: 10 })
    : null;
  return (
    <>
      <PageHeader
        title={t("home.greeting", { name: me.name })}
        actions={options.units.length > 0 && <ButtonLink href="/plans/new">{t("home.newPlan")}</ButtonLink>}
      />
      {reviews && (
        <Card title={t("home.awaitingReview")} className="mb-6">
          <PlanTable plans={reviews.items} empty={t("home.noneAwaiting")} />
        </Card>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("home.myUnits")} className="lg:col-span-1">
          {units.length === 0 ? (
            <EmptyState>{t("home.noUnits")}</EmptyState>
          ) : (
            <ul className="space-y-3">
              {units.map((unit) => (
                <li key={unit.id}>
                  <Link href={`/units/${unit.id}`} className="font-medium text-brand-700 hover:underline">
                    {unit.name}
                  </Link>
                  <div className="text-xs text-slate-500">
                    {unit.roles.map((role) => t(`roles.${role}`)).join(", ")} ·{" "}
                    {t("home.unitsBeneath", { count: unit._count.children })} ·{" "}
                    {t("home.planCount", { count: unit._count.plans })}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card
          title={t("home.myPlans")}
          className="lg:col-span-2"
          action={
            <Link href="/plans" className="text-sm font-medium text-brand-700 hover:underline">
              {t("home.allPlans")}
            </Link>
          }
        >
          <PlanTable plans={plans.items} empty={t("home.noPlans")} />
        </Card>
      </div>
    </>
  );
}
