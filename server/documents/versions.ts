import type { JSONContent } from "@tiptap/core";
import { flushLocalEdits } from "../collab/local-instance";
import { runAs, type Tx } from "../commands/run-command";
import type { Db } from "../db/client";
import type { DocumentVersionKind } from "../db/generated/client";
import { notFound } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/actor";
import { loadVisiblePlan } from "../plans/load-visible-plan";
import { compareDocuments } from "./compare-documents";
import { editorsSince } from "./edit-sessions";
import { currentContent, readStoredDocument } from "./storage";

/** While people keep editing, an automatic version is kept at most this often. */
export const AUTO_VERSION_INTERVAL_MS = 10 * 60 * 1000;

export const versionSummarySelect = {
  id: true,
  kind: true,
  name: true,
  revision: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
  editors: { select: { id: true, name: true }, orderBy: { name: "asc" } },
} as const;

export interface VersionInput {
  kind: DocumentVersionKind;
  /** A name the editor chose (named versions only). */
  name?: string | null;
  /** The revision an approved version approved. */
  revision?: number | null;
  createdById?: string | null;
}

/**
 * Copies the stored document into a new version, crediting whoever edited it since the
 * previous version. The caller makes sure what editors wrote is stored first (flushLocalEdits).
 * Reads only, so it may run inside a command's transaction.
 */
export async function saveVersion(db: Tx | Db, planId: string, input: VersionInput) {
  const [document, last] = await Promise.all([
    readStoredDocument(db, planId),
    db.planDocumentVersion.findFirst({
      where: { planId },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    }),
  ]);
  const editors = await editorsSince(db, planId, last?.createdAt ?? null);
  return db.planDocumentVersion.create({
    data: {
      planId,
      kind: input.kind,
      name: input.name ?? null,
      revision: input.revision ?? null,
      state: Buffer.from(document.state),
      content: document.content as object,
      text: document.text,
      createdById: input.createdById ?? null,
      editors: { connect: editors.map((id) => ({ id })) },
    },
    select: versionSummarySelect,
  });
}

/**
 * Keeps an automatic version when the text changed since the last version and, while editing
 * goes on, when the last one is older than the interval. Run by the collaboration server after
 * it compacted the document, so the compacted content is the text to compare.
 */
export async function saveAutomaticVersion(
  db: Db,
  planId: string,
  reason: "activity" | "lastEditorLeft",
  now = new Date(),
) {
  const last = await db.planDocumentVersion.findFirst({
    where: { planId },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true },
  });
  // While editing goes on, a recent version settles it without reading any document's JSON
  // (this runs after every pause of every document being edited).
  if (reason === "activity" && last && now.getTime() - last.createdAt.getTime() < AUTO_VERSION_INTERVAL_MS) return null;
  const [document, lastContent] = await Promise.all([
    db.planDocument.findUnique({ where: { planId }, select: { content: true } }),
    last ? db.planDocumentVersion.findUnique({ where: { id: last.id }, select: { content: true } }) : null,
  ]);
  if (!document) return null;
  if (lastContent && JSON.stringify(lastContent.content) === JSON.stringify(document.content)) return null;
  return saveVersion(db, planId, { kind: "auto" });
}

/** Additions and deletions between two texts, word by word (kept here for its callers). */
export { compareTexts } from "./compare-documents";

export async function listVersions(db: Db, actor: Actor, planId: string) {
  await loadVisiblePlan(db, actor, planId);
  return db.planDocumentVersion.findMany({
    where: { planId },
    select: versionSummarySelect,
    orderBy: { createdAt: "desc" },
    take: 200,
  });
}

/** A version's content, and how the current text differs from it (tables compared as tables). */
export async function getVersion(db: Db, actor: Actor, versionId: string) {
  const version = await db.planDocumentVersion.findUnique({
    where: { id: versionId },
    select: { ...versionSummarySelect, planId: true, content: true, text: true },
  });
  if (!version) throw notFound();
  await loadVisiblePlan(db, actor, version.planId);
  const current = await currentContent(db, version.planId);
  return { ...version, comparison: compareDocuments(version.content as JSONContent, current) };
}

/** Saves the document as it is now under a name the editor chose. */
export async function saveNamedVersion(db: Db, actor: Actor, planId: string, name: string) {
  authorize(actor, "plan.update", await loadVisiblePlan(db, actor, planId));
  await flushLocalEdits(planId);
  return runAs(db, actor, async (tx, effects, me) => {
    authorize(me, "plan.update", await loadVisiblePlan(tx, me, planId));
    const version = await saveVersion(tx, planId, { kind: "manual", name, createdById: me.userId });
    effects.audit({
      action: "document.saveVersion",
      entityType: "DocumentVersion",
      entityId: version.id,
      after: { planId, name },
    });
    return version;
  });
}
