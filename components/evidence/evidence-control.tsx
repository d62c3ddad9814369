"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { EVIDENCE_ACCEPT, MAX_EVIDENCE_MEGABYTES, evidenceUrl } from "@/lib/domain/evidence";
import { formatDate, formatFileSize } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { type EvidenceItem, type EvidenceSubject, belongsTo, postForm, useEvidence } from "./use-evidence";

/**
 * The "Minh chứng" control of a record (or of the plan, `open`): its files with a thumbnail
 * for photos, size, uploader and date; download, delete (asked first) and upload for whoever
 * may track the plan. A native disclosure, so it opens with the keyboard too.
 */
export function EvidenceControl({
  planId,
  subject,
  label,
  open = false,
}: {
  planId: string;
  subject: EvidenceSubject;
  label: string;
  open?: boolean;
}) {
  const t = useTranslations("evidence");
  const { data, refresh } = useEvidence(planId);
  if (!data) return null;
  const items = data.items.filter((item) => belongsTo(item, subject));
  const body = (
    <div className="mt-2 space-y-3">
      {items.length === 0 ? (
        <p className="text-slate-500">{t("empty")}</p>
      ) : (
        <ul className="space-y-2">
          {items.map((item) => (
            <EvidenceRow key={item.id} item={item} canManage={data.canManage} onRemoved={refresh} />
          ))}
        </ul>
      )}
      {data.canManage && <UploadForm subject={subject} label={label} onUploaded={refresh} />}
    </div>
  );
  if (open)
    return (
      <div className="text-sm" data-testid="evidence">
        {body}
      </div>
    );
  return (
    <details className="text-sm" data-testid="evidence">
      <summary className="cursor-pointer font-medium text-slate-700">
        {t("title")} ({items.length})<span className="sr-only">: {label}</span>
      </summary>
      {body}
    </details>
  );
}

function EvidenceRow({
  item,
  canManage,
  onRemoved,
}: {
  item: EvidenceItem;
  canManage: boolean;
  onRemoved: () => void;
}) {
  const t = useTranslations("evidence");
  const trpc = useTRPC();
  const remove = useMutation({ ...trpc.evidence.remove.mutationOptions(), onSuccess: onRemoved });
  return (
    <li className="flex items-center gap-3 rounded-md border border-slate-200 bg-white p-2" data-testid="evidence-item">
      {item.hasThumbnail ? (
        // eslint-disable-next-line @next/next/no-img-element -- a small thumbnail from our own route, not an optimisable asset
        <img
          src={evidenceUrl(item.id, "thumbnail")}
          alt={t("thumbnail", { name: item.fileName })}
          width={64}
          height={64}
          loading="lazy"
          className="h-16 w-16 shrink-0 rounded object-cover"
        />
      ) : (
        <span
          aria-hidden
          className="flex h-16 w-16 shrink-0 items-center justify-center rounded bg-slate-100 text-xs font-semibold uppercase text-slate-500"
        >
          {item.fileName.split(".").pop()}
        </span>
      )}
      <span className="min-w-0 flex-1">
        <a
          href={evidenceUrl(item.id)}
          download
          className="block truncate font-medium text-brand-700 hover:underline"
          aria-label={t("download", { name: item.fileName })}
        >
          {item.fileName}
        </a>
        <span className="block text-xs text-slate-500">
          {formatFileSize(item.sizeBytes)} ·{" "}
          {t("byOn", { name: item.uploadedBy.name, date: formatDate(item.createdAt) })}
          {item.signedCopy && ` · ${t("signedCopy")}`}
        </span>
        {remove.error && (
          <span role="alert" className="block text-xs text-red-700">
            {t("deleteFailed")}
          </span>
        )}
      </span>
      {canManage && !item.signedCopy && (
        <button
          type="button"
          className="shrink-0 font-medium text-red-700 hover:underline disabled:opacity-50"
          disabled={remove.isPending}
          aria-label={t("deleteLabel", { name: item.fileName })}
          onClick={() => window.confirm(t("confirmDelete")) && remove.mutate({ id: item.id })}
        >
          {t("delete")}
        </button>
      )}
    </li>
  );
}

function UploadForm({
  subject,
  label,
  onUploaded,
}: {
  subject: EvidenceSubject;
  label: string;
  onUploaded: () => void;
}) {
  const t = useTranslations();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [status, setStatus] = useState<{ error?: string; done?: string }>({});
  const upload = useMutation({
    mutationFn: async (data: FormData) => postForm("/api/evidence", data),
    onSuccess: async (refusal, data) => {
      if (refusal) {
        const key = refusal.fieldErrors?.file?.[0] ?? refusal.error ?? "errors.internal";
        setStatus({ error: t.has(key) ? t(key, { max: MAX_EVIDENCE_MEGABYTES }) : t("errors.internal") });
        return;
      }
      setStatus({ done: t("evidence.uploaded", { name: (data.get("file") as File).name }) });
      form.current?.reset();
      onUploaded();
    },
    onError: () => setStatus({ error: t("errors.network") }),
  });
  return (
    <form
      ref={form}
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        setStatus({});
        upload.mutate(new FormData(event.currentTarget));
      }}
    >
      <input type="hidden" name="subjectType" value={subject.type} />
      <input type="hidden" name="subjectId" value={subject.id} />
      <label className="min-w-0 flex-1" htmlFor={id}>
        <span className="block text-xs font-medium text-slate-600">
          {t("evidence.chooseFile")}
          <span className="sr-only">: {label}</span>
        </span>
        <input
          id={id}
          name="file"
          type="file"
          required
          accept={EVIDENCE_ACCEPT}
          aria-describedby={`${id}-hint`}
          className="mt-1 block w-full max-w-full text-sm file:mr-2 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium"
        />
        <span id={`${id}-hint`} className="mt-1 block text-xs text-slate-500">
          {t("evidence.allowed", { max: MAX_EVIDENCE_MEGABYTES })}
        </span>
      </label>
      <Button type="submit" variant="secondary" disabled={upload.isPending}>
        {upload.isPending ? t("evidence.uploading") : t("evidence.upload")}
      </Button>
      <p aria-live="polite" className="w-full text-xs">
        {status.error && (
          <span role="alert" className="text-red-700" data-testid="evidence-error">
            {status.error}
          </span>
        )}
        {status.done && <span className="text-emerald-700">{status.done}</span>}
      </p>
    </form>
  );
}
