"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { useServerError } from "@/lib/trpc/server-error";

export type Option = { value: string; label: string };
export type FieldSpec<V = FormValues> = {
  name: keyof V & string;
  label: string;
  kind?: "text" | "date" | "textarea" | "select" | "checkboxes";
  options?: Option[];
  hint?: string;
  placeholder?: string;
  required?: boolean;
  /** Numbers are typed as text so that "34,9" and "20.586.000.000" stay as written; the server parses them. */
  inputMode?: "decimal" | "numeric";
  wide?: boolean;
};
export type FormValues = Record<string, unknown>;

/**
 * What a form holds for a procedure: the procedure's input fields without the ids the caller
 * adds, as typed text (a list for checkboxes). Derived from the procedure, so a form and its
 * procedure cannot drift apart; the procedures take what people type ("34,9", "20.586.000.000",
 * an empty choice) and answer field by field.
 */
export type FormOf<I, Ids extends keyof I = never> = {
  [K in Exclude<keyof I, Ids>]-?: NonNullable<I[K]> extends readonly unknown[] ? string[] : string;
};

interface Props<V extends FormValues> {
  legend: string;
  fields: FieldSpec<V>[];
  initial: V;
  submitLabel: string;
  onSubmit: (values: V) => void;
  onCancel?: () => void;
  pending: boolean;
  error: unknown;
}

/**
 * The form every planning record uses: fields from a list of specs, the server's verdict
 * (message keys per field) under each field, and one submission at a time.
 */
export function RecordForm<V extends FormValues>({
  legend,
  fields,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  pending,
  error,
}: Props<V>) {
  const t = useTranslations();
  const [values, setValues] = useState<V>(initial);
  const { message, fieldError } = useServerError(error);
  const set = (name: keyof V, value: string | string[]) => setValues((v) => ({ ...v, [name]: value }));
  const text = (name: keyof V) => String(values[name] ?? "");
  const list = (name: keyof V) => values[name] as string[];
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!pending) onSubmit(values);
  }
  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-4 rounded-lg border border-brand-100 bg-brand-50/60 p-4"
      aria-label={legend}
    >
      <p className="text-sm font-semibold text-slate-900">{legend}</p>
      {message && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {fields.map((field) =>
          field.kind === "checkboxes" ? (
            <fieldset key={field.name} className="sm:col-span-2">
              <legend className="text-sm font-medium text-slate-800">{field.label}</legend>
              {field.options?.length ? (
                <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                  {field.options.map((option) => {
                    const checked = list(field.name).includes(option.value);
                    return (
                      <label key={option.value} className="flex items-center gap-2 text-sm text-slate-700">
                        <input
                          type="checkbox"
                          checked={checked}
                          onChange={() =>
                            set(
                              field.name,
                              checked
                                ? list(field.name).filter((v) => v !== option.value)
                                : [...list(field.name), option.value],
                            )
                          }
                        />
                        {option.label}
                      </label>
                    );
                  })}
                </div>
              ) : (
                <p className="mt-1 text-sm text-slate-500">{t("planning.noneLinked")}</p>
              )}
              {fieldError(field.name) && (
                <p className="mt-1 text-xs font-medium text-red-700">{fieldError(field.name)}</p>
              )}
            </fieldset>
          ) : (
            <div key={field.name} className={cn((field.wide || field.kind === "textarea") && "sm:col-span-2")}>
              <Field label={field.label} hint={field.hint} error={fieldError(field.name)} required={field.required}>
                {(props) =>
                  field.kind === "select" ? (
                    <select
                      {...props}
                      name={field.name}
                      value={text(field.name)}
                      onChange={(e) => set(field.name, e.target.value)}
                    >
                      {!field.required || !values[field.name] ? <option value="">{t("planning.choose")}</option> : null}
                      {field.options?.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  ) : field.kind === "textarea" ? (
                    <textarea
                      {...props}
                      name={field.name}
                      rows={2}
                      value={text(field.name)}
                      onChange={(e) => set(field.name, e.target.value)}
                    />
                  ) : (
                    <input
                      {...props}
                      name={field.name}
                      type={field.kind === "date" ? "date" : "text"}
                      inputMode={field.inputMode}
                      placeholder={field.placeholder}
                      autoComplete="off"
                      value={text(field.name)}
                      onChange={(e) => set(field.name, e.target.value)}
                    />
                  )
                }
              </Field>
            </div>
          ),
        )}
      </div>
      <div className="flex gap-3">
        <Button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? t("form.saving") : submitLabel}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t("planning.cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}
