import Link from "next/link";
import { useTranslations } from "next-intl";
import { PlanStatusBadge } from "@/components/plans/plan-status-badge";
import { Badge, type Tone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatVnd } from "@/lib/format";
import type { RouterOutputs } from "@/lib/trpc/types";

type Timeline = RouterOutputs["dashboard"]["milestones"];
type Milestone = Timeline["groups"][number]["plans"][number]["milestones"][number];

const statusTones: Record<Milestone["status"], Tone> = {
  planned: "slate",
  in_progress: "blue",
  done: "green",
  cancelled: "slate",
};

/** The milestones of every plan beneath a unit: one card per unit, one list per plan, overdue first. */
export function MilestoneTimeline({ timeline }: { timeline: Timeline }) {
  const t = useTranslations();
  if (!timeline.groups.length) return <EmptyState>{t("timeline.empty")}</EmptyState>;
  return (
    <div className="space-y-4">
      {timeline.groups.map(({ unit, overdue, plans }) => (
        <Card
          key={unit.id}
          title={unit.name}
          action={overdue > 0 && <Badge tone="red">{t("timeline.overdueCount", { count: overdue })}</Badge>}
        >
          <div className="space-y-5">
            {plans.map(({ plan, milestones }) => (
              <section key={plan.id} aria-label={`${plan.number}/${plan.symbol}`}>
                <h3 className="flex flex-wrap items-center gap-2 text-sm">
                  <Link
                    href={`/plans/${plan.id}?tab=milestones`}
                    className="font-semibold text-brand-700 hover:underline"
                    aria-label={t("timeline.openPlan", { reference: `${plan.number}/${plan.symbol}` })}
                  >
                    {plan.number}/{plan.symbol}
                  </Link>
                  <span className="min-w-0 text-slate-600">{plan.title}</span>
                  <PlanStatusBadge plan={plan} />
                </h3>
                <ol className="mt-2 space-y-2 border-l-2 border-slate-200 pl-4">
                  {milestones.map((milestone) => (
                    <MilestoneItem key={milestone.id} milestone={milestone} />
                  ))}
                </ol>
              </section>
            ))}
          </div>
        </Card>
      ))}
    </div>
  );
}

function MilestoneItem({ milestone }: { milestone: Milestone }) {
  const t = useTranslations();
  const { money } = milestone;
  return (
    <li
      className="relative rounded-md border border-slate-200 px-3 py-2 text-sm data-[overdue=true]:border-red-300 data-[overdue=true]:bg-red-50/40"
      data-overdue={milestone.overdue}
      data-testid="timeline-milestone"
    >
      <span
        aria-hidden="true"
        className="absolute -left-[1.4rem] top-3 h-2.5 w-2.5 rounded-full bg-slate-400 data-[overdue=true]:bg-red-600"
        data-overdue={milestone.overdue}
      />
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">{milestone.title}</span>
        {milestone.overdue ? (
          <Badge tone="red">{t("timeline.overdue")}</Badge>
        ) : (
          <Badge tone={statusTones[milestone.status]}>{t(`milestones.statuses.${milestone.status}`)}</Badge>
        )}
      </div>
      <p className="mt-1 text-slate-600">
        {t("timeline.due", { date: formatDate(milestone.dueOn) })} ·{" "}
        {t("timeline.owner", { unit: milestone.ownerUnit.name })}
      </p>
      <p className="text-slate-600">
        {money.allocated > 0n
          ? t("timeline.money", { allocated: formatVnd(money.allocated), disbursed: formatVnd(money.disbursed) })
          : t("timeline.noMoney")}
      </p>
      {milestone.shortages.length > 0 && (
        <p className="text-slate-600">
          {t("timeline.closes")}:{" "}
          {milestone.shortages
            .map((s) =>
              t("timeline.shortage", {
                category: t(`shortages.categories.${s.category}`),
                quantity: s.quantity,
                unitLabel: s.unitLabel,
                unit: s.unit.name,
              }),
            )
            .join("; ")}
        </p>
      )}
    </li>
  );
}
