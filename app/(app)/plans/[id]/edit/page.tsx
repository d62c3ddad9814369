import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PlanForm } from "@/components/plans/plan-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getCaller, loadOrNotFound } from "@/server/api/rsc";
import { formatReference, referenceInput } from "@/lib/domain/plan-reference";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plans"))("edit") };
}

export default async function EditPlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ need?: string }>;
}) {
  const { id } = await params;
  // A submission refused for want of a number sends the planner here (components/plans/plan-workflow.tsx).
  const needsNumber = (await searchParams).need === "reference";
  const caller = await getCaller();
  const plan = await loadOrNotFound(() => caller.plans.get({ id }));
  if (!plan.canEdit) notFound();
  const [t, options] = await Promise.all([getTranslations("plans"), caller.plans.formOptions()]);
  return (
    <>
      <PageHeader eyebrow={formatReference(plan) ?? t("noNumber")} title={t("edit")} />
      <Card className="max-w-3xl">
        <PlanForm
          planId={plan.id}
          units={options.units}
          programs={options.programs}
          needsNumber={needsNumber && !plan.number}
          initial={{
            reference: referenceInput(plan),
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
