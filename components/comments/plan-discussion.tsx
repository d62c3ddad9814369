"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { CommentForm, type CommentSubject } from "./comment-form";

export type { CommentSubject };

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

  return (
    <div className="space-y-4" data-testid="plan-discussion">
      <CommentForm planId={planId} subject={subject} label={t("comments.new")} onDone={refresh} />
      {threads.data?.length === 0 && <EmptyState>{t("comments.empty")}</EmptyState>}
      <ul className="space-y-3">
        {threads.data?.map((thread) => (
          <Thread key={thread.id} thread={thread} planId={planId} me={me} onChanged={refresh}>
            {!subject && thread.subjectType === "passage" && (
              <p className="mb-1 text-sm text-slate-700">
                <Badge tone="amber">{t("passages.badge")}</Badge> <q className="italic">{quoteOf(thread)}</q>
              </p>
            )}
            {!subject && thread.subjectType !== "plan" && thread.subjectType !== "passage" && (
              <p className="mb-1">
                <Badge tone="blue">{t(`tabs.${thread.subjectType}s` as "tabs.targets")}</Badge>
              </p>
            )}
          </Thread>
        ))}
      </ul>
    </div>
  );
}

type ThreadData = CommentData & {
  id: string;
  subjectType: string;
  anchor: unknown;
  resolvedAt: Date | null;
  resolvedBy: { name: string } | null;
  replies: (CommentData & { id: string })[];
};

/** The words a thread on a passage points at, as they were quoted. */
export const quoteOf = (thread: { anchor: unknown }) => (thread.anchor as { quote?: string } | null)?.quote ?? "";

/**
 * One thread: its first comment, the replies, resolving or reopening it, and a reply form.
 * `children` come above the first comment (what the thread is about).
 */
export function Thread({
  thread,
  planId,
  me,
  onChanged,
  active = false,
  onFocus,
  children,
}: {
  thread: ThreadData;
  planId: string;
  me: { id: string };
  onChanged: () => void;
  active?: boolean;
  onFocus?: () => void;
  children?: ReactNode;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const resolve = useMutation(trpc.comments.resolve.mutationOptions({ onSuccess: onChanged }));
  const reopen = useMutation(trpc.comments.reopen.mutationOptions({ onSuccess: onChanged }));
  return (
    <li
      className={cn(
        "rounded-lg border p-3",
        thread.resolvedAt ? "border-slate-200 bg-slate-50" : "border-slate-200 bg-white",
        active && "border-amber-400 ring-2 ring-amber-200",
      )}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      onClick={onFocus}
    >
      {children}
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
        <CommentForm planId={planId} parentId={thread.id} label={t("comments.reply")} onDone={onChanged} compact />
      )}
    </li>
  );
}

type CommentData = {
  author: { id: string; name: string };
  body: string;
  createdAt: Date;
  mentions: { user: { name: string; handle: string } }[];
};

function Comment({ comment, mine }: { comment: CommentData; mine: boolean }) {
  const t = useTranslations("comments");
  const notified = new Set(comment.mentions.map((m) => m.user.handle));
  return (
    <div>
      <p className="text-xs text-slate-500">
        <span className="font-semibold text-slate-800">{comment.author.name}</span>
        {mine && ` (${t("you")})`} · {formatDateTime(comment.createdAt)}
      </p>
      <p className="mt-1 whitespace-pre-wrap text-sm text-slate-900">
        {/* Only the names that reached someone are marked; the others stay plain text. */}
        {comment.body.split(/(\s@[a-z0-9._-]+|^@[a-z0-9._-]+)/gi).map((part, i) =>
          part.trim().startsWith("@") && notified.has(part.trim().slice(1).toLowerCase()) ? (
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
