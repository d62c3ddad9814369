import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PlanForm } from "@/components/plans/plan-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { planReference } from "@/lib/domain/plans";
import { getCaller, loadOrNotFound } from "@/server/api/rsc";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plans"))("edit") };
}

export default async function EditPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await getCaller();
  const plan = await loadOrNotFound(() => caller.plans.get({ id }));
  if (!plan.canEdit) notFound();
  const [t, options] = await Promise.all([getTranslations("plans"), caller.plans.formOptions()]);
  return (
    <>
      <PageHeader eyebrow={planReference(plan)} title={t("edit")} />
      <Card className="max-w-3xl">
        <PlanForm
          planId={plan.id}
          units={options.units}
          programs={options.programs}
          initial={{
            // An amendment has no number yet: the planner enters the amending plan's own.
            reference: plan.number ? planReference(plan) : "",
            title: plan.title,
            issuedOn: plan.issuedOn ? plan.issuedOn.toISOString().slice(0, 10) : "",
            issuingUnitId: plan.issuingUnit.id,
            programId: plan.program.id,
            year: plan.year ? String(plan.year) : "",
            parentId: plan.parent?.id ?? "",
          }}
        />
      </Card>
    </>
  );
}
