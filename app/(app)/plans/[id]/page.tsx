import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PlanDiscussion } from "@/components/comments/plan-discussion";
import { PlanEditor } from "@/components/document/plan-editor";
import { BudgetTab } from "@/components/planning/budget-tab";
import { MilestonesTab } from "@/components/planning/milestones-tab";
import { ShortagesTab } from "@/components/planning/shortages-tab";
import { TargetsTab } from "@/components/planning/targets-tab";
import { LivePlanEvents } from "@/components/plans/live-plan-events";
import { PLAN_TABS, type PlanTab, PlanTabs } from "@/components/plans/plan-tabs";
import { EvidenceControl } from "@/components/evidence/evidence-control";
import { IssuePlanForm } from "@/components/plans/issue-plan-form";
import { PlanStatusBadge } from "@/components/plans/plan-status-badge";
import { PlanTimeline } from "@/components/plans/plan-timeline";
import { PlanWorkflow } from "@/components/plans/plan-workflow";
import { PlanTable } from "@/components/plans/plan-table";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { evidenceUrl } from "@/lib/domain/evidence";
import { AmendmentNotes } from "@/components/plans/amendment-notes";
import { formatDate, formatDateTime } from "@/lib/format";
import { HydrateClient, getCaller, getQueryClient, loadOrNotFound, trpc } from "@/server/api/rsc";
import { PlanReference } from "@/components/plans/plan-reference";
import { formatReference } from "@/lib/domain/plan-reference";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ tab?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const plan = await (await getCaller()).plans.get({ id }).catch(() => null);
  return { title: plan ? (formatReference(plan) ?? plan.title) : undefined };
}

export default async function PlanPage({ params, searchParams }: Props) {
  const { id } = await params;
  const requested = (await searchParams).tab;
  const tab: PlanTab = PLAN_TABS.find((t) => t === requested && t !== "history") ?? "document";
  const caller = await getCaller();
  const plan = await loadOrNotFound(() => caller.plans.get({ id }));
  const [t, locale, me, timeline] = await Promise.all([
    getTranslations(),
    getLocale(),
    caller.me(),
    caller.workflow.timeline({ id }),
  ]);
  await getQueryClient().prefetchQuery(trpc.evidence.list.queryOptions({ planId: plan.id }));
  if (tab !== "document" && tab !== "discussion") {
    await Promise.all([
      getQueryClient().prefetchQuery(trpc.planning.get.queryOptions({ planId: plan.id })),
      getQueryClient().prefetchQuery(trpc.planning.options.queryOptions({ planId: plan.id })),
    ]);
  }
  const viewer = { id: me.userId };
  const lastReturn = plan.status === "returned" ? timeline.findLast((step) => step.action === "return") : undefined;
  const rows: [string, React.ReactNode][] = [
    [
      t("plans.reference"),
      <span key="ref" className="font-medium">
        <PlanReference plan={plan} />
      </span>,
    ],
    ...(plan.amends
      ? [
          [
            t("plans.amends"),
            <Link key="amends" href={`/plans/${plan.amends.id}`} className="text-brand-700 hover:underline">
              <PlanReference plan={plan.amends} />
            </Link>,
          ] as [string, React.ReactNode],
        ]
      : []),
    [t("plans.issuedOn"), formatDate(plan.issuedOn) || "—"],
    ...(plan.issuedAt && plan.signedCopyId
      ? ([
          [
            t("issue.signedCopy"),
            <a
              key="signed"
              href={evidenceUrl(plan.signedCopyId)}
              download
              className="text-brand-700 hover:underline"
              data-testid="signed-copy"
            >
              {t("issue.signedCopy")} (PDF)
            </a>,
          ],
        ] as [string, React.ReactNode][])
      : []),
    [
      t("plans.issuingUnit"),
      <Link key="unit" href={`/units/${plan.issuingUnit.id}`} className="text-brand-700 hover:underline">
        {plan.issuingUnit.name}
      </Link>,
    ],
    [t("plans.program"), locale === "en" ? plan.program.nameEn : plan.program.name],
    [t("plans.period"), `${plan.periodStart}–${plan.periodEnd}`],
    [t("plans.year"), plan.year ?? t("plans.wholePeriod")],
    [
      t("plans.parent"),
      plan.parent ? (
        <Link key="parent" href={`/plans/${plan.parent.id}`} className="text-brand-700 hover:underline">
          <PlanReference plan={plan.parent} /> — {plan.parent.issuingUnit.name}
        </Link>
      ) : (
        t("plans.noParent")
      ),
    ],
    [t("plans.createdBy"), `${plan.createdBy.name} · ${formatDateTime(plan.createdAt)}`],
    [t("plans.updatedBy"), `${plan.updatedBy.name} · ${formatDateTime(plan.updatedAt)}`],
  ];
  return (
    <>
      <PageHeader
        eyebrow={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-semibold text-slate-700" data-testid="plan-reference">
              <PlanReference plan={plan} />
            </span>
            <PlanStatusBadge plan={plan} />
            {plan.issuedAt && plan.signedCopyId && (
              <a href={evidenceUrl(plan.signedCopyId)} download className="text-sm text-brand-700 hover:underline">
                {t("issue.signedCopy")}
              </a>
            )}
          </span>
        }
        title={plan.title}
        actions={
          <>
            {/* `download` keeps Next's router from fetching the file as a page; no prefetch of a generated file. */}
            <ButtonLink
              href={`/api/export/plan/${plan.id}`}
              download
              prefetch={false}
              variant="secondary"
              title={t("exports.planDocxTitle")}
              data-testid="export-plan-docx"
            >
              {t("exports.planDocx")}
            </ButtonLink>
            <ButtonLink
              href={`/api/export/plan/${plan.id}?format=pdf`}
              download
              prefetch={false}
              variant="secondary"
              title={t("exports.planPdfTitle")}
              data-testid="export-plan-pdf"
            >
              {t("exports.planPdf")}
            </ButtonLink>
            {plan.canEdit && (
              <ButtonLink href={`/plans/${plan.id}/edit`} variant="secondary">
                {t("plans.edit")}
              </ButtonLink>
            )}
          </>
        }
      />
      <LivePlanEvents planId={plan.id} />
      <AmendmentNotes plan={plan} />
      {lastReturn?.reason && (
        <p role="note" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          {t("workflow.returnedBecause", { reason: lastReturn.reason })}
        </p>
      )}
      {!plan.canEdit && (
        <p
          className="mb-4 rounded-md border border-slate-200 bg-white px-4 py-2 text-sm text-slate-600"
          data-testid="plan-lock-note"
        >
          {plan.status === "approved"
            ? t("workflow.frozen")
            : plan.status === "submitted"
              ? t("workflow.underReview")
              : plan.status === "superseded"
                ? t("workflow.superseded")
                : t("plans.viewOnly")}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <section className="min-w-0 lg:col-span-2" aria-label={t(`tabs.${tab}`)}>
          <PlanTabs planId={plan.id} current={tab} />
          <HydrateClient>
            {tab === "document" && (
              <PlanEditor planId={plan.id} canEdit={plan.canEdit} user={{ id: me.userId, name: me.name }} />
            )}
            {tab === "targets" && <TargetsTab planId={plan.id} me={viewer} />}
            {tab === "milestones" && <MilestonesTab planId={plan.id} me={viewer} />}
            {tab === "budget" && <BudgetTab planId={plan.id} />}
            {tab === "shortages" && <ShortagesTab planId={plan.id} me={viewer} />}
            {tab === "discussion" && (
              <Card title={t("comments.title")}>
                <PlanDiscussion planId={plan.id} me={viewer} />
              </Card>
            )}
          </HydrateClient>
        </section>
        <div className="space-y-6">
          <Card title={t("workflow.title")}>
            <div className="space-y-4">
              <PlanWorkflow planId={plan.id} can={plan.can} />
              {plan.can.issue && (
                <IssuePlanForm
                  planId={plan.id}
                  reference={`${plan.number}/${plan.symbol}`}
                  issuedOn={plan.issuedOn?.toISOString().slice(0, 10) ?? ""}
                />
              )}
              <PlanTimeline steps={timeline} />
            </div>
          </Card>
          <Card title={t("plans.details")}>
            <dl className="space-y-3 text-sm">
              {rows.map(([label, value]) => (
                <div key={label}>
                  <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
                  <dd className="mt-0.5 text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
          </Card>
          <Card title={t("evidence.planSection")}>
            <p className="mb-2 text-xs text-slate-500">{t("evidence.planSectionHint")}</p>
            <HydrateClient>
              <EvidenceControl planId={plan.id} subject={{ type: "plan", id: plan.id }} label={plan.title} open />
            </HydrateClient>
          </Card>
          <Card title={t("plans.children")}>
            <PlanTable plans={plan.children} empty={t("plans.noChildren")} compact />
          </Card>
        </div>
      </div>
    </>
  );
}
