"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { OpenSuggestions } from "@/components/document/open-suggestions";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { controlClass } from "@/components/ui/field";
import { formatVnd } from "@/lib/format";
import { useServerError } from "@/lib/trpc/server-error";
import { useTRPC } from "@/lib/trpc/react";

/**
 * The workflow steps this user may take on the plan; the server decides and checks again. A
 * decision is confirmed first: approving shows what will be frozen, returning asks why.
 * Amending opens the amendment (a new plan, or the one already open); abandoning an amendment
 * goes back to the plan in force.
 */
export function PlanWorkflow({
  planId,
  can,
}: {
  planId: string;
  can: { submit: boolean; review: boolean; amend: boolean; abandon: boolean };
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const [returning, setReturning] = useState(false);
  const [approving, setApproving] = useState(false);
  const [reason, setReason] = useState("");
  const onSuccess = () => {
    setReturning(false);
    setApproving(false);
    setReason("");
    router.refresh();
  };
  const submit = useMutation(trpc.workflow.submit.mutationOptions({ onSuccess }));
  const approve = useMutation(trpc.workflow.approve.mutationOptions({ onSuccess }));
  const amend = useMutation(
    trpc.workflow.amend.mutationOptions({ onSuccess: (amendment) => router.push(`/plans/${amendment.id}`) }),
  );
  const abandon = useMutation(
    trpc.workflow.abandon.mutationOptions({ onSuccess: ({ amendsId }) => router.push(`/plans/${amendsId}`) }),
  );
  const giveBack = useMutation(trpc.workflow.return.mutationOptions({ onSuccess }));
  const pending = submit.isPending || approve.isPending || amend.isPending || abandon.isPending || giveBack.isPending;
  const error = useServerError(submit.error ?? approve.error ?? amend.error ?? abandon.error ?? giveBack.error);
  const reasonError = useServerError(giveBack.error).fieldError("reason");

  if (!can.submit && !can.review && !can.amend && !can.abandon) return null;

  function onReturn(event: FormEvent) {
    event.preventDefault();
    if (!pending) giveBack.mutate({ id: planId, reason });
  }

  return (
    <div className="space-y-3">
      {error.verdict && !reasonError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error.translate(error.verdict.messageKey)}
          {/* Refused for want of a number: the field that needs it is one click away, and says so. */}
          {error.fieldError("reference") && (
            <>
              {" "}
              <Link href={`/plans/${planId}/edit?need=reference`} className="font-medium underline">
                {t("workflow.enterReference")}
              </Link>
            </>
          )}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {can.submit && (
          <Button disabled={pending} onClick={() => submit.mutate({ id: planId })}>
            {t("workflow.submit")}
          </Button>
        )}
        {can.review && !approving && !returning && (
          <Button disabled={pending} onClick={() => setApproving(true)}>
            {t("workflow.approve")}
          </Button>
        )}
        {can.review && !returning && !approving && (
          <Button variant="secondary" disabled={pending} onClick={() => setReturning(true)}>
            {t("workflow.return")}
          </Button>
        )}
        {can.amend && (
          <Button variant="secondary" disabled={pending} onClick={() => amend.mutate({ id: planId })}>
            {t("workflow.amend")}
          </Button>
        )}
        {can.abandon && (
          <Button
            variant="ghost"
            disabled={pending}
            onClick={() => {
              if (window.confirm(t("workflow.abandonConfirm"))) abandon.mutate({ id: planId });
            }}
          >
            {t("workflow.abandon")}
          </Button>
        )}
      </div>
      {approving && (
        <ApprovalConfirmation
          planId={planId}
          pending={pending}
          onConfirm={() => approve.mutate({ id: planId })}
          onCancel={() => setApproving(false)}
        />
      )}
      {returning && (
        <form onSubmit={onReturn} noValidate className="space-y-2">
          <p className="text-sm text-slate-700">{t("workflow.returnExplained")}</p>
          <OpenSuggestions planId={planId} when="return" />
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
              {reasonError}
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

/** What approving freezes, counted from the plan's records, before the leader confirms. */
function ApprovalConfirmation({
  planId,
  pending,
  onConfirm,
  onCancel,
}: {
  planId: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const planning = useQuery(trpc.planning.get.queryOptions({ planId }));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const data = planning.data;
  return (
    <section
      role="alertdialog"
      aria-labelledby="approve-confirm-title"
      aria-describedby="approve-confirm-body"
      className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4"
    >
      <h3 id="approve-confirm-title" ref={heading} tabIndex={-1} className="text-sm font-semibold text-slate-900">
        {t("workflow.approveConfirmTitle")}
      </h3>
      <div id="approve-confirm-body" className="space-y-1 text-sm text-slate-800">
        <p>{t("workflow.approveConfirmFrozen")}</p>
        {data && (
          <ul className="list-disc pl-5">
            <li>{t("workflow.frozenTargets", { count: data.targets.length })}</li>
            <li>{t("workflow.frozenMilestones", { count: data.milestones.length })}</li>
            <li>
              {t("workflow.frozenBudget", {
                count: data.budget.lines.length,
                allocated: formatVnd(data.budget.totals.allocated),
              })}
            </li>
            <li>{t("workflow.frozenShortages", { count: data.shortages.length })}</li>
          </ul>
        )}
        <p>{t("workflow.approveConfirmProgress")}</p>
      </div>
      <OpenSuggestions planId={planId} when="approve" />
      <div className="flex gap-2">
        <Button disabled={pending} onClick={onConfirm}>
          {t("workflow.confirmApprove")}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t("workflow.cancel")}
        </Button>
      </div>
    </section>
  );
}
