import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PlanForm } from "@/components/plans/plan-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getCaller } from "@/server/api/rsc";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plans"))("new") };
}

export default async function NewPlanPage() {
  const caller = await getCaller();
  const [t, options] = await Promise.all([getTranslations("plans"), caller.plans.formOptions()]);
  if (!options.units.length) notFound();
  // The units come highest first: the user's own unit before its schools and departments.
  const ownUnit = options.units[0]!.id;
  return (
    <>
      <PageHeader title={t("new")} />
      <Card className="max-w-3xl">
        <PlanForm
          units={options.units}
          programs={options.programs}
          initial={{
            reference: "",
            title: "",
            issuedOn: "",
            issuingUnitId: ownUnit,
            programId: "",
            year: "",
            parentId: "",
          }}
        />
      </Card>
    </>
  );
}
