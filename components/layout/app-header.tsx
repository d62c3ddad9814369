import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/server/policies/actor";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { LocaleSwitcher } from "./locale-switcher";
import { NavLinks } from "./nav-links";

/** The header of every signed-in page; `signOut` is the server action its button runs. */
export async function AppHeader({
  actor,
  canImport,
  signOut,
}: {
  actor: Actor;
  /** Whether the actor may import anything (stakeholders may not: no link to a page that refuses them). */
  canImport: boolean;
  signOut: () => Promise<void>;
}) {
  const t = await getTranslations();
  const primary = actor.memberships[0];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 sm:px-6">
        <Link href="/" className="flex items-center gap-2 py-1 font-bold text-slate-900">
          <span
            className="flex h-8 w-8 items-center justify-center rounded-lg bg-brand-700 text-sm text-white"
            aria-hidden="true"
          >
            CT
          </span>
          {t("app.name")}
        </Link>
        <nav aria-label={t("nav.menu")} className="order-last w-full overflow-x-auto sm:order-none sm:w-auto">
          <NavLinks
            links={[
              { href: "/", label: t("nav.home") },
              { href: "/plans", label: t("nav.plans") },
              { href: "/units", label: t("nav.units") },
              { href: "/dashboard", label: t("nav.dashboard") },
              { href: "/milestones", label: t("nav.milestones") },
              { href: "/criteria", label: t("nav.criteria") },
              ...(canImport ? [{ href: "/imports", label: t("nav.imports") }] : []),
            ]}
          />
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <div className="hidden sm:block">
            <LocaleSwitcher />
          </div>
          <NotificationBell />
          <div className="min-w-0 text-right leading-tight" aria-label={t("nav.account")}>
            <div className="truncate text-sm font-medium text-slate-900" data-testid="current-user">
              {actor.name}
            </div>
            {primary && (
              <div className="hidden max-w-40 truncate text-xs text-slate-500 sm:block">
                {t(`roles.${primary.role}`)} · {primary.unitName}
              </div>
            )}
          </div>
          <form action={signOut}>
            <button
              type="submit"
              className="whitespace-nowrap rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
            >
              {t("nav.signOut")}
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
