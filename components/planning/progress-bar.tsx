import { useNumberFormat } from "@/components/ui/use-number-format";

/** A progress bar with its exact figure; the bar stops at 0 and 100 %, the figure does not. */
export function ProgressBar({ label, percent }: { label: string; percent: number | null }) {
  const { formatPercent } = useNumberFormat();
  const width = percent === null ? 0 : Math.max(0, Math.min(100, percent));
  return (
    <div className="flex items-center gap-3">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={width}
        aria-valuetext={formatPercent(percent)}
        className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={percent !== null && percent >= 100 ? "h-full bg-emerald-600" : "h-full bg-brand-600"}
          style={{ width: `${width}%` }}
        />
      </div>
      <span className="w-20 text-right text-sm tabular-nums text-slate-700">{formatPercent(percent)}</span>
    </div>
  );
}
