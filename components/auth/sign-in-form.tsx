"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { LOCK_MINUTES, MAX_FAILED_SIGN_INS } from "@/lib/domain/sign-in";
import { sameOriginPath } from "@/lib/same-origin-path";

type Errors = { email?: string; password?: string; form?: string };

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("signIn");
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const missing: Errors = {};
    if (!email) missing.email = t("emailRequired");
    if (!password) missing.password = t("passwordRequired");
    setErrors(missing);
    if (missing.email || missing.password) return;

    setPending(true);
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (result?.error) {
        const code = result.code;
        // The server answers a locked account like a wrong password (so the answer never tells
        // which accounts exist); the message says what a lock does.
        const refusals: Record<string, string> = {
          throttled: t("throttled", { minutes: LOCK_MINUTES }),
          disabled: t("disabled"),
          invalid: t("invalid", { max: MAX_FAILED_SIGN_INS, minutes: LOCK_MINUTES }),
        };
        setErrors({ form: (code && refusals[code]) || t("failed") });
        setPending(false);
        return;
      }
      // Checked again against the real origin: the page may be rendered behind a proxy.
      window.location.assign(sameOriginPath(next, window.location.origin));
    } catch {
      setErrors({ form: t("failed") });
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {errors.form && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {errors.form}
        </div>
      )}
      <Field label={t("email")} error={errors.email} required>
        {(props) => <input {...props} name="email" type="email" autoComplete="username" inputMode="email" />}
      </Field>
      <Field label={t("password")} error={errors.password} required>
        {(props) => <input {...props} name="password" type="password" autoComplete="current-password" />}
      </Field>
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
