"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { controlClass } from "@/components/ui/field";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";

type ServerError = { data?: { fieldErrors?: Record<string, string[]> } | null; message: string };
export type CommentSubject = { type: "plan" | "target" | "milestone" | "shortage"; id: string | null };

/**
 * The discussion threads of a plan, or of one of its targets, milestones or shortages when
 * `subject` is given. LivePlanEvents refreshes them when anyone comments, resolves or reopens.
 */
export function PlanDiscussion({
  planId,
  me,
  subject,
}: {
  planId: string;
  me: { id: string };
  subject?: CommentSubject;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { planId, subject };
  const threads = useQuery(trpc.comments.list.queryOptions(input));
  // Every list of the plan's comments, and the counts the planning tabs show.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.comments.list.queryKey({ planId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.planning.get.queryKey({ planId }) }),
    ]);
  const resolve = useMutation(trpc.comments.resolve.mutationOptions({ onSuccess: refresh }));
  const reopen = useMutation(trpc.comments.reopen.mutationOptions({ onSuccess: refresh }));

  return (
    <div className="space-y-4" data-testid="plan-discussion">
      <CommentForm planId={planId} subject={subject} label={t("comments.new")} onDone={refresh} />
      {threads.data?.length === 0 && <EmptyState>{t("comments.empty")}</EmptyState>}
      <ul className="space-y-3">
        {threads.data?.map((thread) => (
          <li
            key={thread.id}
            className={cn(
              "rounded-lg border p-3",
              thread.resolvedAt ? "border-slate-200 bg-slate-50" : "border-slate-200 bg-white",
            )}
            data-testid="comment-thread"
          >
            {!subject && thread.subjectType !== "plan" && (
              <p className="mb-1">
                <Badge tone="blue">{t(`tabs.${thread.subjectType}s`)}</Badge>
              </p>
            )}
            <Comment comment={thread} mine={thread.author.id === me.id} />
            {thread.replies.length > 0 && (
              <ul className="mt-3 space-y-3 border-l-2 border-slate-200 pl-3">
                {thread.replies.map((reply) => (
                  <li key={reply.id}>
                    <Comment comment={reply} mine={reply.author.id === me.id} />
                  </li>
                ))}
              </ul>
            )}
            <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
              {thread.resolvedAt ? (
                <>
                  <span className="text-emerald-700">
                    {t("comments.resolvedBy", { name: thread.resolvedBy?.name ?? "" })}
                  </span>
                  <button
                    type="button"
                    className="font-medium text-brand-700 hover:underline"
                    onClick={() => reopen.mutate({ id: thread.id })}
                  >
                    {t("comments.reopen")}
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  className="font-medium text-brand-700 hover:underline"
                  onClick={() => resolve.mutate({ id: thread.id })}
                >
                  {t("comments.resolve")}
                </button>
              )}
            </div>
            {!thread.resolvedAt && (
              <CommentForm planId={planId} parentId={thread.id} label={t("comments.reply")} onDone={refresh} compact />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Comment({
  comment,
  mine,
}: {
  comment: { author: { name: string }; body: string; createdAt: Date; mentions: { user: { name: string } }[] };
  mine: boolean;
}) {
  const t = useTranslations("comments");
  return (
    <div>
      <p className="text-xs text-slate-500">
        <span className="font-semibold text-slate-800">{comment.author.name}</span>
        {mine && ` (${t("you")})`} · {formatDateTime(comment.createdAt)}
      </p>
      <p className="mt-1 whitespace-pre-wrap text-sm text-slate-900">
        {comment.body.split(/(\s@[a-z0-9._-]+|^@[a-z0-9._-]+)/gi).map((part, i) =>
          part.trim().startsWith("@") ? (
            <strong key={i} className="font-semibold text-brand-700">
              {part}
            </strong>
          ) : (
            part
          ),
        )}
      </p>
      {comment.mentions.length > 0 && (
        <p className="mt-1 text-xs text-slate-500">
          {t("mentioned", { names: comment.mentions.map((m) => m.user.name).join(", ") })}
        </p>
      )}
    </div>
  );
}

function CommentForm({
  planId,
  subject,
  parentId,
  label,
  onDone,
  compact = false,
}: {
  planId: string;
  subject?: CommentSubject;
  parentId?: string;
  label: string;
  onDone: () => void;
  compact?: boolean;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const [body, setBody] = useState("");
  const add = useMutation(
    trpc.comments.add.mutationOptions({
      onSuccess: () => {
        setBody("");
        onDone();
      },
    }),
  );
  const error = (add.error as ServerError | null)?.data?.fieldErrors?.body?.[0];
  const id = parentId ? `reply-${parentId}` : `new-comment-${subject?.id ?? "plan"}`;
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!add.isPending) add.mutate({ planId, body, parentId: parentId ?? null, subject });
  }
  return (
    <form onSubmit={onSubmit} noValidate className={cn("space-y-2", compact && "mt-3")}>
      <label htmlFor={id} className={compact ? "sr-only" : "block text-sm font-medium text-slate-800"}>
        {label}
      </label>
      <textarea
        id={id}
        rows={compact ? 1 : 3}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder={compact ? label : t("comments.placeholder")}
        aria-invalid={error ? true : undefined}
        className={cn(controlClass, error && "border-red-500")}
      />
      {error && <p className="text-xs font-medium text-red-700">{t.has(error) ? t(error) : error}</p>}
      <Button type="submit" variant={compact ? "secondary" : "primary"} disabled={add.isPending}>
        {compact ? t("comments.send") : t("comments.post")}
      </Button>
    </form>
  );
}
