"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { controlClass } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/react";

type ServerError = { data?: { fieldErrors?: Record<string, string[]>; messageKey?: string } | null; message: string };

/** The workflow steps this user may take on the plan; the server decides and checks again. */
export function PlanWorkflow({
  planId,
  can,
}: {
  planId: string;
  can: { submit: boolean; review: boolean; amend: boolean };
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState("");
  const onSuccess = () => {
    setReturning(false);
    setReason("");
    router.refresh();
  };
  const submit = useMutation(trpc.workflow.submit.mutationOptions({ onSuccess }));
  const approve = useMutation(trpc.workflow.approve.mutationOptions({ onSuccess }));
  const amend = useMutation(trpc.workflow.amend.mutationOptions({ onSuccess }));
  const giveBack = useMutation(trpc.workflow.return.mutationOptions({ onSuccess }));
  const pending = submit.isPending || approve.isPending || amend.isPending || giveBack.isPending;
  const error = (submit.error ?? approve.error ?? amend.error ?? giveBack.error) as ServerError | null;
  const reasonError = (giveBack.error as ServerError | null)?.data?.fieldErrors?.reason?.[0];
  const message = (key: string) => (t.has(key) ? t(key) : t("errors.internal"));

  if (!can.submit && !can.review && !can.amend) return null;

  function onReturn(event: FormEvent) {
    event.preventDefault();
    if (!pending) giveBack.mutate({ id: planId, reason });
  }

  return (
    <div className="space-y-3">
      {error && !reasonError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {message(error.data?.messageKey ?? error.message)}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {can.submit && (
          <Button disabled={pending} onClick={() => submit.mutate({ id: planId })}>
            {t("workflow.submit")}
          </Button>
        )}
        {can.review && (
          <Button disabled={pending} onClick={() => approve.mutate({ id: planId })}>
            {t("workflow.approve")}
          </Button>
        )}
        {can.review && !returning && (
          <Button variant="secondary" disabled={pending} onClick={() => setReturning(true)}>
            {t("workflow.return")}
          </Button>
        )}
        {can.amend && (
          <Button variant="secondary" disabled={pending} onClick={() => amend.mutate({ id: planId })}>
            {t("workflow.amend")}
          </Button>
        )}
      </div>
      {returning && (
        <form onSubmit={onReturn} noValidate className="space-y-2">
          <label htmlFor="return-reason" className="block text-sm font-medium text-slate-800">
            {t("workflow.reason")}
          </label>
          <textarea
            id="return-reason"
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t("workflow.reasonPlaceholder")}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? "return-reason-error" : undefined}
            className={cn(controlClass, reasonError && "border-red-500")}
          />
          {reasonError && (
            <p id="return-reason-error" className="text-xs font-medium text-red-700">
              {message(reasonError)}
            </p>
          )}
          <div className="flex gap-2">
            <Button type="submit" disabled={pending}>
              {t("workflow.confirmReturn")}
            </Button>
            <Button variant="ghost" onClick={() => setReturning(false)}>
              {t("workflow.cancel")}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
