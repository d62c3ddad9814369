"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { postForm, type UploadRefusal } from "@/components/evidence/use-evidence";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { MAX_EVIDENCE_MEGABYTES } from "@/lib/domain/evidence";

/**
 * For the records officer of an approved plan: the official number and date (prefilled with
 * the draft's, which may not be final) and the scan of the signed copy (a PDF). The page then
 * shows "Đã ban hành" and links the scan.
 */
export function IssuePlanForm({
  planId,
  reference,
  issuedOn,
}: {
  planId: string;
  reference: string;
  issuedOn: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [refusal, setRefusal] = useState<UploadRefusal | null>(null);
  const issue = useMutation({
    mutationFn: (form: FormData) => postForm(`/api/plans/${encodeURIComponent(planId)}/issue`, form),
    onSuccess: (answer) => {
      setRefusal(answer);
      if (!answer) {
        setOpen(false);
        router.refresh();
      }
    },
    onError: () => setRefusal({ error: "errors.network" }),
  });
  const say = (key: string | undefined) =>
    key ? (t.has(key) ? t(key, { max: MAX_EVIDENCE_MEGABYTES }) : t("errors.internal")) : undefined;
  const fieldError = (name: string) => say(refusal?.fieldErrors?.[name]?.[0]);
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t("issue.open")}
      </Button>
    );
  return (
    <form
      className="space-y-3 rounded-md border border-slate-200 p-3"
      aria-label={t("issue.title")}
      onSubmit={(event) => {
        event.preventDefault();
        issue.mutate(new FormData(event.currentTarget));
      }}
    >
      <p className="text-sm font-semibold text-slate-900">{t("issue.title")}</p>
      <p className="text-xs text-slate-600">{t("issue.hint")}</p>
      <Field label={t("issue.reference")} required error={fieldError("reference")}>
        {(props) => <input {...props} name="reference" defaultValue={reference} required />}
      </Field>
      <Field label={t("issue.issuedOn")} required error={fieldError("issuedOn")}>
        {(props) => <input {...props} name="issuedOn" type="date" defaultValue={issuedOn} required />}
      </Field>
      <Field label={t("issue.scan")} required error={fieldError("file")}>
        {(props) => <input {...props} name="file" type="file" accept=".pdf,application/pdf" required />}
      </Field>
      {refusal && !refusal.fieldErrors && (
        <p role="alert" className="text-sm text-red-700">
          {say(refusal.error)}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={issue.isPending}>
          {t("issue.submit")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          {t("issue.cancel")}
        </Button>
      </div>
    </form>
  );
}
