import type { ReactNode } from "react";
import { cn } from "./cn";

/** A checkbox with its label beside it; the label wraps under itself, not under the box. */
export function Checkbox({
  label,
  checked,
  onChange,
  className,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  className?: string;
}) {
  return (
    <label className={cn("flex items-start gap-2 text-sm text-slate-700", className)}>
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 accent-brand-700"
      />
      <span>{label}</span>
    </label>
  );
}
