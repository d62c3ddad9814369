import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { loadSessionActor } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { sameOriginPath } from "@/lib/same-origin-path";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  // The same check as every page's: a session that was ended or whose user is disabled stays here.
  if (await loadSessionActor(getDb())) redirect("/");
  const [t, { callbackUrl }] = await Promise.all([getTranslations(), searchParams]);
  // Only paths on this site are followed after sign-in.
  const next = sameOriginPath(callbackUrl);
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div
            className="mx-auto mb-3 flex h-12 w-12 items-center justify-center rounded-xl bg-brand-700 text-xl font-bold text-white"
            aria-hidden="true"
          >
            CT
          </div>
          <p className="text-2xl font-bold tracking-tight text-slate-900">{t("app.name")}</p>
          <p className="mt-1 text-sm text-slate-600">{t("app.tagline")}</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-lg font-semibold text-slate-900">{t("signIn.title")}</h1>
          <p className="mb-5 mt-1 text-sm text-slate-600">{t("signIn.intro")}</p>
          <SignInForm next={next} />
        </div>
        <div className="mt-4 flex items-center justify-between text-xs text-slate-500">
          <span>{t("signIn.demo")}</span>
          <LocaleSwitcher />
        </div>
      </div>
    </main>
  );
}
