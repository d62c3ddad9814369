"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { EditorContent, useEditor, type JSONContent } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { controlClass } from "@/components/ui/field";
import { documentExtensions } from "@/lib/editor/extensions";
import { formatDateTime } from "@/lib/format";
import { useServerError } from "@/lib/trpc/server-error";
import { useTRPC } from "@/lib/trpc/react";
import { VersionDiff } from "./version-diff";

/** Versions of the plan's text: view one read-only, compare it with now, restore it, or save a named one. */
export function VersionHistory({ planId, canEdit }: { planId: string; canEdit: boolean }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const versions = useQuery(trpc.documents.versions.queryOptions({ planId }));
  const [selected, setSelected] = useState<string | null>(null);
  const [mode, setMode] = useState<"view" | "compare">("view");
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.documents.versions.queryKey({ planId }) });
  const save = useMutation(
    trpc.documents.saveVersion.mutationOptions({
      onSuccess: () => {
        void refresh();
        setName("");
      },
    }),
  );
  const restore = useMutation(
    trpc.documents.restoreVersion.mutationOptions({
      onSuccess: () => {
        void refresh();
        setNotice(t("history.restored"));
      },
    }),
  );
  const [name, setName] = useState("");
  const nameError = useServerError(save.error).fieldError("name");

  function onSave(event: FormEvent) {
    event.preventDefault();
    if (!save.isPending) save.mutate({ planId, name });
  }

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-4">
        {canEdit && (
          <form onSubmit={onSave} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" noValidate>
            <label className="block text-sm font-medium text-slate-800" htmlFor="version-name">
              {t("history.versionName")}
            </label>
            <div className="mt-1 flex gap-2">
              <input
                id="version-name"
                value={name}
                onChange={(e) => setName(e.target.value)}
                placeholder={t("history.versionNamePlaceholder")}
                className={cn(controlClass, nameError && "border-red-500")}
                aria-invalid={nameError ? true : undefined}
                aria-describedby={nameError ? "version-name-error" : undefined}
              />
              <Button type="submit" className="shrink-0 whitespace-nowrap" disabled={save.isPending}>
                {save.isPending ? t("history.saving") : t("history.saveVersion")}
              </Button>
            </div>
            {nameError && (
              <p id="version-name-error" className="mt-1 text-xs font-medium text-red-700">
                {nameError}
              </p>
            )}
          </form>
        )}
        {notice && (
          <p
            role="status"
            className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
          >
            {notice}
          </p>
        )}
        <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
          {versions.data?.length === 0 && (
            <div className="p-4">
              <EmptyState>{t("history.empty")}</EmptyState>
            </div>
          )}
          <ul className="divide-y divide-slate-100" aria-label={t("history.title")}>
            {versions.data?.map((version) => (
              <li key={version.id}>
                <button
                  type="button"
                  onClick={() => setSelected(version.id)}
                  aria-current={selected === version.id}
                  className={cn(
                    "block w-full px-4 py-3 text-left hover:bg-slate-50",
                    selected === version.id && "bg-brand-50",
                  )}
                >
                  <span className="block text-sm font-medium text-slate-900">
                    {version.name ?? t(`history.${version.kind}`, { revision: version.revision ?? 1 })}
                  </span>
                  <span className="block text-xs text-slate-500">
                    {formatDateTime(version.createdAt)} ·{" "}
                    {t("history.by", { name: version.createdBy?.name ?? t("history.system") })}
                  </span>
                  {version.editors.length > 0 && (
                    <span className="block text-xs text-slate-500">
                      {t("history.editors", { names: version.editors.map((editor) => editor.name).join(", ") })}
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <div className="lg:col-span-2">
        {selected ? (
          <VersionView
            versionId={selected}
            mode={mode}
            onMode={setMode}
            canRestore={canEdit}
            restoring={restore.isPending}
            onRestore={() => {
              if (window.confirm(t("history.restoreConfirm"))) restore.mutate({ id: selected });
            }}
          />
        ) : (
          <EmptyState>{t("history.choose")}</EmptyState>
        )}
      </div>
    </div>
  );
}

function VersionView(props: {
  versionId: string;
  mode: "view" | "compare";
  onMode: (m: "view" | "compare") => void;
  canRestore: boolean;
  restoring: boolean;
  onRestore: () => void;
}) {
  const t = useTranslations("history");
  const trpc = useTRPC();
  const version = useQuery(trpc.documents.version.queryOptions({ id: props.versionId }));
  if (!version.data)
    return <div className="h-64 animate-pulse rounded-lg border border-slate-200 bg-white" aria-busy="true" />;
  const changes = version.data.comparison.some((block) =>
    block.kind === "text" ? block.parts.some((part) => part.change !== "same") : block.change !== "same",
  );
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-2">
        <div role="tablist" className="flex gap-1">
          {(["view", "compare"] as const).map((mode) => (
            <button
              key={mode}
              role="tab"
              type="button"
              aria-selected={props.mode === mode}
              onClick={() => props.onMode(mode)}
              className={cn(
                "rounded px-3 py-1 text-sm",
                props.mode === mode ? "bg-brand-700 text-white" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {t(mode)}
            </button>
          ))}
        </div>
        {props.canRestore && (
          <Button variant="secondary" onClick={props.onRestore} disabled={props.restoring}>
            {t("restoreAction")}
          </Button>
        )}
      </div>
      {props.mode === "view" ? (
        <ReadOnlyDocument content={version.data.content as JSONContent} />
      ) : !changes ? (
        <p className="p-5 text-sm text-slate-600">{t("noChanges")}</p>
      ) : (
        <VersionDiff blocks={version.data.comparison} />
      )}
    </div>
  );
}

function ReadOnlyDocument({ content }: { content: JSONContent }) {
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: false,
      extensions: documentExtensions(),
      content,
      editorProps: { attributes: { class: "plan-editor px-5 py-4 sm:px-8", "data-testid": "version-content" } },
    },
    [content],
  );
  return <EditorContent editor={editor} />;
}
