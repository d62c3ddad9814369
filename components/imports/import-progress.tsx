/**
 * How far an import has come: a measured bar while the browser reads the file, a pulsing one
 * while the server uploads, checks or writes it (a request reports no progress of its own).
 */
export function ImportProgress({ label, percent }: { label: string; percent: number | null }) {
  return (
    <div className="space-y-1" aria-live="polite">
      <p className="text-sm font-medium text-slate-700">{label}</p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={percent === null ? label : `${percent}%`}
        className="h-2 overflow-hidden rounded-full bg-slate-200"
      >
        {percent === null ? (
          <div className="h-full w-full animate-pulse bg-brand-600/70" />
        ) : (
          <div className="h-full bg-brand-600 transition-[width]" style={{ width: `${percent}%` }} />
        )}
      </div>
    </div>
  );
}
