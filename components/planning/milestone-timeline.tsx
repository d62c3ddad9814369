import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { formatDate } from "@/lib/format";
import type { Planning } from "./use-planning";

const DAY = 86_400_000;

/**
 * A Gantt-style view: one bar per milestone from start to due date on a shared month scale,
 * overdue ones in red, done ones in green, and a line for today. The list below the chart
 * carries the same facts as text, so the chart itself is hidden from screen readers.
 */
export function MilestoneTimeline({ milestones }: { milestones: Planning["milestones"] }) {
  const t = useTranslations("milestones");
  const today = Date.now();
  const start = Math.min(...milestones.map((m) => m.startOn.getTime()));
  const end = Math.max(...milestones.map((m) => m.dueOn.getTime())) + DAY;
  const span = end - start;
  const at = (time: number) => `${((time - start) / span) * 100}%`;
  const months: Date[] = [];
  for (
    let d = new Date(Date.UTC(new Date(start).getUTCFullYear(), new Date(start).getUTCMonth() + 1, 1));
    d.getTime() < end;
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))
  )
    months.push(d);
  const labelEvery = Math.max(1, Math.ceil(months.length / 8));
  return (
    <figure className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4" aria-label={t("timeline")}>
      <figcaption className="mb-2 text-sm font-semibold text-slate-900">{t("timeline")}</figcaption>
      <div aria-hidden="true" className="min-w-[36rem]">
        <div className="relative ml-[38%] h-5 border-b border-slate-200 text-[11px] text-slate-500">
          {months.map((m, i) => (
            <span
              key={m.toISOString()}
              className="absolute top-0 h-full border-l border-slate-200 pl-1"
              style={{ left: at(m.getTime()) }}
            >
              {i % labelEvery === 0 ? `${String(m.getUTCMonth() + 1).padStart(2, "0")}/${m.getUTCFullYear()}` : ""}
            </span>
          ))}
        </div>
        {milestones.map((m) => (
          <div key={m.id} className="flex items-center py-1" data-testid="timeline-row">
            <span className="w-[38%] truncate pr-3 text-sm text-slate-700" title={m.title}>
              {m.title}
            </span>
            <div className="relative h-5 flex-1">
              {today >= start && today <= end && (
                <span
                  className="absolute top-0 h-full border-l-2 border-dashed border-amber-500"
                  style={{ left: at(today) }}
                />
              )}
              <span
                className={cn(
                  "absolute top-0.5 h-4 rounded",
                  m.overdue
                    ? "bg-red-500"
                    : m.status === "done"
                      ? "bg-emerald-500"
                      : m.status === "cancelled"
                        ? "bg-slate-300"
                        : "bg-brand-600",
                )}
                style={{
                  left: at(m.startOn.getTime()),
                  width: `max(${((m.dueOn.getTime() + DAY - m.startOn.getTime()) / span) * 100}%, 4px)`,
                }}
                title={`${m.title}: ${formatDate(m.startOn)} → ${formatDate(m.dueOn)}`}
              />
            </div>
          </div>
        ))}
      </div>
    </figure>
  );
}
