"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { setUpProvince } from "@/app/setup/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { type ProvinceOption, ProvincePicker } from "./province-picker";

type Errors = Partial<Record<"province" | "name" | "title" | "email" | "password" | "confirm" | "form", string>>;
type Phase = "idle" | "creating" | "signingIn";

/**
 * The first admin chooses the province and creates their account; the server creates the
 * units and the account, then the admin is signed in with what they typed and lands on the
 * overview.
 */
export function SetupForm({
  token,
  provinces,
  passwordMinLength,
}: {
  token: string;
  provinces: ProvinceOption[];
  passwordMinLength: number;
}) {
  const t = useTranslations();
  const [province, setProvince] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [phase, setPhase] = useState<Phase>("idle");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (phase !== "idle") return;
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? "");
    const admin = { name: text("name"), title: text("title"), email: text("email").trim(), password: text("password") };
    const found: Errors = {};
    if (!province) found.province = t("setup.errors.provinceRequired");
    if (admin.password && text("confirm") !== admin.password) found.confirm = t("setup.confirmMismatch");
    setErrors(found);
    if (Object.keys(found).length) return;

    setPhase("creating");
    try {
      const result = await setUpProvince({
        token,
        provinceCode: province,
        beforeReform: form.get("beforeReform") === "on",
        admin,
      });
      if (!result.ok) {
        const fields = Object.fromEntries(
          Object.entries(result.fieldErrors ?? {}).map(([field, keys]) => [field, keys.map((key) => t(key)).join(" ")]),
        );
        setErrors({ ...fields, form: t(result.messageKey) });
        setPhase("idle");
        return;
      }
      setPhase("signingIn");
      const signedIn = await signIn("credentials", { email: admin.email, password: admin.password, redirect: false });
      // Created but not signed in (a throttled address, say): the sign-in page takes it from there.
      window.location.assign(signedIn?.error ? "/sign-in" : "/");
    } catch {
      setErrors({ form: t("setup.failed") });
      setPhase("idle");
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-8">
      {errors.form && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {errors.form}
        </div>
      )}
      <div className="space-y-4">
        <ProvincePicker provinces={provinces} value={province} onChange={setProvince} error={errors.province} />
        <label className="flex items-start gap-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-3 text-sm">
          <input type="checkbox" name="beforeReform" defaultChecked className="mt-0.5 h-4 w-4 accent-brand-700" />
          <span>
            <span className="font-medium text-slate-900">{t("setup.beforeReform")}</span>
            <span className="mt-0.5 block text-xs text-slate-600">{t("setup.beforeReformHint")}</span>
          </span>
        </label>
      </div>

      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">{t("setup.adminLegend")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("setup.name")} error={errors.name} required>
            {(props) => <input {...props} name="name" autoComplete="name" />}
          </Field>
          <Field label={t("setup.jobTitle")} hint={t("setup.jobTitleHint")} error={errors.title}>
            {(props) => <input {...props} name="title" autoComplete="organization-title" />}
          </Field>
        </div>
        <Field label={t("setup.email")} error={errors.email} required>
          {(props) => <input {...props} name="email" type="email" autoComplete="username" inputMode="email" />}
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t("setup.password")}
            hint={t("setup.passwordHint", { min: passwordMinLength })}
            error={errors.password}
            required
          >
            {(props) => <input {...props} name="password" type="password" autoComplete="new-password" />}
          </Field>
          <Field label={t("setup.confirm")} error={errors.confirm} required>
            {(props) => <input {...props} name="confirm" type="password" autoComplete="new-password" />}
          </Field>
        </div>
      </fieldset>

      <Button type="submit" className="w-full" disabled={phase !== "idle"} aria-busy={phase !== "idle"}>
        {phase === "creating"
          ? t("setup.submitting")
          : phase === "signingIn"
            ? t("setup.signingIn")
            : t("setup.submit")}
      </Button>
    </form>
  );
}
