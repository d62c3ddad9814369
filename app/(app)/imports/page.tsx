import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportWizard } from "@/components/imports/import-wizard";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, getCaller, getQueryClient, trpc } from "@/server/api/rsc";
import { importKindsFor } from "@/server/policies";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title") };
}

/** Imports from spreadsheets: units (admins), criteria results, shortages and disbursements, as the user may import them. */
export default async function ImportsPage() {
  const caller = await getCaller();
  const [t, me] = await Promise.all([getTranslations("imports"), caller.me()]);
  await getQueryClient().prefetchQuery(trpc.criteria.sets.queryOptions());
  const kinds = importKindsFor(me);
  return (
    <>
      <PageHeader title={t("title")}>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      </PageHeader>
      <HydrateClient>
        {kinds.length ? <ImportWizard kinds={kinds} /> : <EmptyState>{t("notAllowed")}</EmptyState>}
      </HydrateClient>
    </>
  );
}
