import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { signOutAction } from "./sign-out";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { getCaller } from "@/server/api/rsc";
import { importKindsFor } from "@/server/policies";

/** Every page in this group needs a signed-in, enabled user. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const caller = await getCaller();
  const actor = await caller.me().catch(() => null);
  if (!actor) redirect("/sign-in");
  const t = await getTranslations("app");
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("skipToContent")}
      </a>
      <AppHeader actor={actor} canImport={importKindsFor(actor).length > 0} signOut={signOutAction} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">
        {children}
      </main>
      <footer className="mx-auto flex max-w-6xl items-center justify-between px-4 pb-8 text-xs text-slate-500 sm:px-6">
        <span>
          {t("name")} · {t("tagline")}
        </span>
        <div className="sm:hidden">
          <LocaleSwitcher />
        </div>
      </footer>
    </>
  );
}
