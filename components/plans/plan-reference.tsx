import { useTranslations } from "next-intl";
import { formatReference, type Numbered } from "@/lib/domain/plan-reference";

/** A plan's number and symbol ("2543/KH-SGDĐT"), or "Chưa có số" for a draft not numbered yet. */
export function PlanReference({ plan }: { plan: Numbered }) {
  const t = useTranslations("plans");
  return formatReference(plan) ?? <span className="font-normal italic text-slate-500">{t("noNumber")}</span>;
}
