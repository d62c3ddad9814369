import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { SetupForm } from "@/components/setup/setup-form";
import { ButtonLink } from "@/components/ui/button";
import { getDb } from "@/server/db/client";
import { officialProvinces } from "@/server/reference/official-provinces";
import { isSetupToken } from "@/server/setup/setup-token";
import { hasActiveAdmin } from "@/server/users/create-user";
import { PASSWORD_MIN_LENGTH } from "@/server/users/password-rule";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("setup"))("title") };
}

/** First run: with the link the server printed, the first admin chooses the province and creates their account. */
export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const [t, { token }] = await Promise.all([getTranslations(), searchParams]);
  if (await hasActiveAdmin(getDb()))
    return (
      <Frame title={t("setup.doneTitle")}>
        <p className="text-sm text-slate-700">{t("setup.done")}</p>
        <ButtonLink href="/sign-in" className="mt-5">
          {t("setup.signIn")}
        </ButtonLink>
      </Frame>
    );
  if (!isSetupToken(token))
    return (
      <Frame title={t("setup.refusedTitle")}>
        <p role="alert" className="text-sm text-slate-700">
          {t("setup.refused")}
        </p>
      </Frame>
    );
  const provinces = officialProvinces().map(({ code, name }) => ({ code, name }));
  return (
    <Frame title={t("setup.title")} intro={t("setup.intro")} wide>
      <SetupForm token={token!} provinces={provinces} passwordMinLength={PASSWORD_MIN_LENGTH} />
    </Frame>
  );
}

async function Frame({
  title,
  intro,
  wide,
  children,
}: {
  title: string;
  intro?: string;
  wide?: boolean;
  children: ReactNode;
}) {
  const t = await getTranslations("app");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-10">
      <div className={wide ? "w-full max-w-2xl" : "w-full max-w-md"}>
        <div className="mb-6 text-center">
          <div
            className="mx-auto mb-3 flex h-12 w-12 items-center justify-center rounded-xl bg-brand-700 text-xl font-bold text-white"
            aria-hidden="true"
          >
            CT
          </div>
          <p className="text-2xl font-bold tracking-tight text-slate-900">{t("name")}</p>
          <p className="mt-1 text-sm text-slate-600">{t("tagline")}</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="text-lg font-semibold text-slate-900">{title}</h1>
          {intro && <p className="mb-6 mt-1 text-sm text-slate-600">{intro}</p>}
          <div className={intro ? "" : "mt-3"}>{children}</div>
        </div>
        <div className="mt-4 flex justify-end text-xs text-slate-500">
          <LocaleSwitcher />
        </div>
      </div>
    </main>
  );
}
