import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";

export const PLAN_TABS = ["document", "targets", "milestones", "budget", "shortages", "discussion", "history"] as const;
export type PlanTab = (typeof PLAN_TABS)[number];

export const planTabHref = (planId: string, tab: PlanTab) =>
  tab === "history"
    ? `/plans/${planId}/history`
    : tab === "document"
      ? `/plans/${planId}`
      : `/plans/${planId}?tab=${tab}`;

/** The parts of a plan, as links so that each part has its own address. */
export async function PlanTabs({ planId, current }: { planId: string; current: PlanTab }) {
  const t = await getTranslations("tabs");
  return (
    <nav className="-mx-1 mb-4 overflow-x-auto border-b border-slate-200" aria-label={t("label")}>
      <ul className="flex min-w-max gap-1 px-1">
        {PLAN_TABS.map((tab) => (
          <li key={tab}>
            <Link
              href={planTabHref(planId, tab)}
              aria-current={tab === current ? "page" : undefined}
              className={cn(
                "-mb-px inline-block border-b-2 px-3 py-2 text-sm",
                tab === current
                  ? "border-brand-700 font-semibold text-slate-900"
                  : "border-transparent text-slate-600 hover:border-slate-300 hover:text-brand-700",
              )}
            >
              {t(tab)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
