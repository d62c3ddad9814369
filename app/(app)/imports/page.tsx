import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportWizard } from "@/components/imports/import-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, getCaller, getQueryClient, trpc } from "@/server/api/rsc";
import { can } from "@/server/policies";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title") };
}

/** Imports from spreadsheets: units (admins), criteria results, shortages and disbursements. */
export default async function ImportsPage() {
  const caller = await getCaller();
  const [t, me] = await Promise.all([getTranslations("imports"), caller.me()]);
  await getQueryClient().prefetchQuery(trpc.criteria.sets.queryOptions());
  return (
    <>
      <PageHeader title={t("title")}>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      </PageHeader>
      <HydrateClient>
        <ImportWizard canImportUnits={can(me, "units.import", null)} />
      </HydrateClient>
    </>
  );
}
