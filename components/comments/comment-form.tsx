"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { controlClass } from "@/components/ui/field";
import type { PassageAnchor } from "@/lib/editor/passage-anchor";
import { useServerError } from "@/lib/trpc/server-error";
import { useTRPC } from "@/lib/trpc/react";
import { MentionTextarea } from "./mention-textarea";

export type CommentSubject = { type: "plan" | "target" | "milestone" | "shortage" | "passage"; id: string | null };

export type Unnotified = { handle: string; reason: "unknown" | "disabled" | "cannotView" };

/** "Posted, but these people were not told", each name with its reason. */
export function UnnotifiedNotice({ names }: { names: Unnotified[] }) {
  const t = useTranslations("mentions");
  if (!names.length) return null;
  return (
    <div
      role="status"
      className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900"
      data-testid="unnotified-mentions"
    >
      <p className="font-medium">{t("postedButNotNotified")}</p>
      <ul className="mt-1 list-disc pl-5">
        {names.map(({ handle, reason }) => (
          <li key={handle}>{t(`unnotified.${reason}`, { handle })}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A new thread (on the plan, a record, or a passage with its `anchor`) or a reply to one.
 * "@" offers the people who may see the plan; a name that notifies nobody is said so, by name
 * and reason, once the comment is posted (the comment stands).
 */
export function CommentForm({
  planId,
  subject,
  anchor,
  parentId,
  label,
  onDone,
  onCancel,
  compact = false,
  autoFocus = false,
}: {
  planId: string;
  subject?: CommentSubject;
  anchor?: PassageAnchor;
  parentId?: string;
  label: string;
  /** After posting; a form that closes then shows `comment.unnotified` itself (UnnotifiedNotice). */
  onDone: (comment: { unnotified: Unnotified[] }) => void;
  onCancel?: () => void;
  compact?: boolean;
  autoFocus?: boolean;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const [body, setBody] = useState("");
  const [unnotified, setUnnotified] = useState<Unnotified[]>([]);
  const add = useMutation(
    trpc.comments.add.mutationOptions({
      onSuccess: (comment) => {
        setBody("");
        setUnnotified(comment.unnotified);
        onDone(comment);
      },
    }),
  );
  const verdict = useServerError(add.error);
  const error = verdict.fieldError("body") ?? verdict.fieldError("anchor");
  const id = parentId ? `reply-${parentId}` : `new-comment-${subject?.id ?? subject?.type ?? "plan"}`;
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!add.isPending) add.mutate({ planId, body, parentId: parentId ?? null, subject, anchor });
  }
  return (
    <form onSubmit={onSubmit} noValidate className={cn("space-y-2", compact && "mt-3")}>
      <label htmlFor={id} className={compact ? "sr-only" : "block text-sm font-medium text-slate-800"}>
        {label}
      </label>
      <MentionTextarea
        id={id}
        planId={planId}
        rows={compact ? 1 : 3}
        value={body}
        onChange={(next) => {
          setBody(next);
          if (unnotified.length) setUnnotified([]);
        }}
        placeholder={compact ? label : t("comments.placeholder")}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        className={cn(controlClass, error && "border-red-500")}
      />
      {error && <p className="text-xs font-medium text-red-700">{error}</p>}
      <UnnotifiedNotice names={unnotified} />
      <div className="flex gap-2">
        <Button type="submit" variant={compact ? "secondary" : "primary"} disabled={add.isPending}>
          {compact ? t("comments.send") : t("comments.post")}
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            {t("comments.cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}
