import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MilestoneTimeline } from "@/components/milestones/milestone-timeline";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { MILESTONE_STATUSES } from "@/lib/domain/planning";
import { getCaller, loadOrNotFound } from "@/server/api/rsc";
import { todayInVietnam } from "@/server/planning/figures";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("timeline"))("title") };
}

type Props = { searchParams: Promise<{ unit?: string; year?: string; status?: string; all?: string }> };

const STATUSES = [...MILESTONE_STATUSES, "overdue"] as const;
type StatusFilter = (typeof STATUSES)[number];

/**
 * The milestones a leader follows: every plan beneath a unit (by default the highest unit the
 * user works at) for a year, with the same plans as the dashboard. The filters are a plain form,
 * so the page works before any script has loaded.
 */
export default async function MilestonesPage({ searchParams }: Props) {
  const params = await searchParams;
  const caller = await getCaller();
  const [t, me, units] = await Promise.all([getTranslations(), caller.me(), caller.units.list()]);
  const unitId = params.unit ?? [...me.memberships].sort((a, b) => a.unitPath.length - b.unitPath.length)[0]?.unitId;
  if (!unitId) return <EmptyState>{t("timeline.empty")}</EmptyState>;
  const thisYear = todayInVietnam().getUTCFullYear();
  const asked = Number(params.year);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const status = STATUSES.find((s) => s === params.status) as StatusFilter | undefined;
  const includeUnapproved = params.all === "1";
  const timeline = await loadOrNotFound(() => caller.dashboard.milestones({ unitId, year, status, includeUnapproved }));
  const years = Array.from({ length: 7 }, (_, i) => thisYear + 1 - i);
  return (
    <>
      <PageHeader title={t("timeline.heading", { unit: timeline.unit.name })}>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("timeline.intro")}</p>
      </PageHeader>
      <Card className="mb-4">
        <form method="get" className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
          <Field label={t("timeline.unit")}>
            {(props) => (
              <Select {...props} name="unit" defaultValue={unitId}>
                {units.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t("timeline.year")}>
            {(props) => (
              <Select {...props} name="year" defaultValue={String(year)}>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t("timeline.status")}>
            {(props) => (
              <Select {...props} name="status" defaultValue={status ?? ""}>
                <option value="">{t("timeline.allStatuses")}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s === "overdue" ? t("timeline.overdue") : t(`milestones.statuses.${s}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Button type="submit">{t("timeline.apply")}</Button>
          <Checkbox
            className="sm:col-span-4"
            name="all"
            value="1"
            defaultChecked={includeUnapproved}
            label={t("dashboard.includeUnapproved")}
          />
        </form>
      </Card>
      <p className="mb-3 text-sm text-slate-600" role="status">
        {t("timeline.count", { total: timeline.total, year })} ·{" "}
        {timeline.includesUnapproved
          ? t("dashboard.withUnapproved", { count: timeline.unapprovedPlans })
          : t("dashboard.approvedOnly", { count: timeline.unapprovedPlans })}
        {timeline.shown < timeline.total && <> · {t("timeline.truncated", { shown: timeline.shown })}</>}
      </p>
      <MilestoneTimeline timeline={timeline} />
    </>
  );
}
