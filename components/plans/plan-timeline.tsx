import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime, formatVnd } from "@/lib/format";
import type { PlanAction } from "@/server/db/generated/enums";

interface Step {
  id: string;
  action: PlanAction;
  revision: number;
  reason: string | null;
  at: Date;
  actor: { name: string };
  /** On approval: how much structured content was approved. */
  approved: { targets: number; milestones: number; shortages: number; allocated: bigint } | null;
}

const dots: Record<PlanAction, string> = {
  submit: "bg-blue-500",
  return: "bg-amber-500",
  approve: "bg-emerald-600",
  amend: "bg-slate-400",
  supersede: "bg-slate-400",
};

/** Every workflow step of the plan: who, when, and why. */
export function PlanTimeline({ steps }: { steps: Step[] }) {
  const t = useTranslations("workflow");
  if (!steps.length) return <EmptyState>{t("empty")}</EmptyState>;
  return (
    <ol className="space-y-4" data-testid="plan-timeline">
      {steps.map((step) => (
        <li key={step.id} className="relative flex gap-3">
          <span className={`mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ${dots[step.action]}`} aria-hidden="true" />
          <div className="min-w-0 text-sm">
            <p className="text-slate-900">
              <span className="font-medium">{step.actor.name}</span> {t(`done.${step.action}`)}
            </p>
            <p className="text-xs text-slate-500">
              {formatDateTime(step.at)} · {t("revision", { revision: step.revision })}
            </p>
            {step.reason && <p className="mt-1 rounded bg-amber-50 px-2 py-1 text-slate-800">{step.reason}</p>}
            {step.approved && (
              <p className="mt-1 text-xs text-slate-600">
                {t("approvedContent", { ...step.approved, allocated: formatVnd(step.approved.allocated) })}
              </p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
