import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { formatReference } from "@/lib/domain/plan-reference";
import type { PlanStatus } from "@/server/db/generated/enums";
import { AmendmentComparison } from "./amendment-comparison";

type Ref = { id: string; number: string | null; symbol: string; status: PlanStatus };

/**
 * How a plan stands among its revisions: a plan in force being amended links to the draft of
 * its amendment; an amendment links back to the plan in force and compares with it; a
 * superseded plan names the plan that replaced it.
 */
export function AmendmentNotes({
  plan,
}: {
  plan: {
    id: string;
    status: PlanStatus;
    number: string | null;
    revision: number;
    amends: Ref | null;
    amendment: Ref | null;
  };
}) {
  const t = useTranslations("amendments");
  const tPlans = useTranslations("plans");
  const planReference = (ref: Ref) => formatReference(ref) ?? tPlans("noNumber");
  const note = "mb-4 rounded-md border px-4 py-3 text-sm";
  const link = "font-semibold text-brand-700 hover:underline";
  if (plan.status === "superseded" && plan.amendment) {
    const reference = planReference(plan.amendment);
    return (
      <div role="note" className={`${note} border-slate-300 bg-slate-50 text-slate-800`} data-testid="superseded-note">
        <p className="flex flex-wrap items-center gap-2">
          <Badge tone="slate">
            <Link href={`/plans/${plan.amendment.id}`} className="hover:underline">
              {t("supersededBy", { reference })}
            </Link>
          </Badge>
        </p>
        <p className="mt-1">{t("supersededNote", { reference })}</p>
      </div>
    );
  }
  if (plan.status === "approved" && plan.amendment && plan.amendment.status !== "approved") {
    return (
      <div role="note" className={`${note} border-amber-200 bg-amber-50 text-amber-950`} data-testid="amendment-open">
        <p className="flex flex-wrap items-center gap-2">
          <Badge tone="amber">{t("beingAmended")}</Badge>
          <Link href={`/plans/${plan.amendment.id}`} className={link}>
            {t("openAmendment")}
          </Link>
        </p>
        <p className="mt-1">{t("beingAmendedNote", { reference: planReference(plan.amendment) })}</p>
      </div>
    );
  }
  if (plan.amends && plan.amends.status === "approved") {
    const reference = planReference(plan.amends);
    return (
      <div role="note" className={`${note} border-brand-100 bg-brand-50 text-slate-800`} data-testid="amendment-of">
        <p className="flex flex-wrap items-center gap-2">
          <Badge tone="blue">{t("amendmentOf", { reference })}</Badge>
          <Link href={`/plans/${plan.amends.id}`} className={link}>
            {t("backToInForce")}
          </Link>
        </p>
        <p className="mt-1">{t("amendmentNote", { reference, revision: plan.revision })}</p>
        {!plan.number && <p className="mt-1 font-medium">{t("needsNumber")}</p>}
        <div className="mt-3">
          <AmendmentComparison planId={plan.id} />
        </div>
      </div>
    );
  }
  if (plan.amends) {
    return (
      <p role="note" className={`${note} border-slate-200 bg-white text-slate-700`} data-testid="amendment-of">
        {t("amendmentOf", { reference: planReference(plan.amends) })} ·{" "}
        <Link href={`/plans/${plan.amends.id}`} className={link}>
          {planReference(plan.amends)}
        </Link>
      </p>
    );
  }
  return null;
}
