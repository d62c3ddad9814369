import type { ReactNode } from "react";
import { cn } from "./cn";

/**
 * A checkbox with its label beside it; the label wraps under itself, not under the box.
 * Controlled (checked, onChange), or a plain form field (name, value, defaultChecked).
 */
export function Checkbox({
  label,
  onChange,
  className,
  ...input
}: {
  label: ReactNode;
  checked?: boolean;
  defaultChecked?: boolean;
  onChange?: (checked: boolean) => void;
  name?: string;
  value?: string;
  className?: string;
}) {
  return (
    <label className={cn("flex items-start gap-2 text-sm text-slate-700", className)}>
      <input
        type="checkbox"
        {...input}
        onChange={onChange && ((e) => onChange(e.target.checked))}
        className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 accent-brand-700"
      />
      <span>{label}</span>
    </label>
  );
}
