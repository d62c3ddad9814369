import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { UnitTree } from "@/components/units/unit-tree";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getCaller } from "@/server/api/rsc";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("units"))("title") };
}

export default async function UnitsPage() {
  const caller = await getCaller();
  const [t, units] = await Promise.all([getTranslations(), caller.units.mine()]);
  // A unit beneath another of the user's units already shows inside that branch.
  const roots = units.filter((u) => !units.some((other) => other.id !== u.id && u.path.startsWith(other.path)));
  return (
    <>
      <PageHeader title={t("units.tree")} />
      <Card>{roots.length ? <UnitTree roots={roots} /> : <EmptyState>{t("home.noUnits")}</EmptyState>}</Card>
    </>
  );
}
