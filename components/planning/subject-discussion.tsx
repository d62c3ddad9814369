"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { type CommentSubject, PlanDiscussion } from "@/components/comments/plan-discussion";

/** A record's own discussion, folded under it until opened. */
export function SubjectDiscussion({
  planId,
  me,
  subject,
  count,
}: {
  planId: string;
  me: { id: string };
  subject: CommentSubject;
  count: number;
}) {
  const t = useTranslations("planning");
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button
        type="button"
        className="text-sm font-medium text-brand-700 hover:underline"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {t("comments", { count })}
      </button>
      {open && (
        <div className="mt-3 rounded-md border border-slate-200 bg-slate-50 p-3">
          <PlanDiscussion planId={planId} me={me} subject={subject} />
        </div>
      )}
    </div>
  );
}
