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

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const t = useTranslations("status");
  return <Badge tone={tones[status]}>{t(status)}</Badge>;
}
