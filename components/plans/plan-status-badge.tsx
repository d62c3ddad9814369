import { useTranslations } from "next-intl";
import { Badge, type Tone } from "@/components/ui/badge";
import type { PlanStatus } from "@/server/db/generated/enums";

const tones: Record<PlanStatus, Tone> = {
  draft: "slate",
  submitted: "blue",
  returned: "amber",
  approved: "green",
  superseded: "slate",
};

/** A plan's status; an approved plan that was issued reads "Đã ban hành" (it is still approved, and in force). */
export function PlanStatusBadge({ plan }: { plan: { status: PlanStatus; issuedAt?: Date | null } }) {
  const t = useTranslations("status");
  const issued = plan.status === "approved" && Boolean(plan.issuedAt);
  return <Badge tone={tones[plan.status]}>{issued ? t("issued") : t(plan.status)}</Badge>;
}
