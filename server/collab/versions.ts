import { diffWordsWithSpace } from "diff";
import type { Db } from "../db/client";
import type { DocumentVersionKind } from "../db/generated/client";
import { compactDocument } from "./persistence";

/** While people keep editing, an automatic version is kept at most this often. */
export const AUTO_VERSION_INTERVAL_MS = 10 * 60 * 1000;

export const versionSummarySelect = {
  id: true,
  kind: true,
  name: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
} as const;

/**
 * Copies the stored document into a new version. The caller makes sure what editors wrote is
 * stored first (the collaboration server flushes its log before calling).
 */
export async function saveVersion(
  db: Db,
  planId: string,
  kind: DocumentVersionKind,
  name: string | null,
  userId: string | null,
) {
  await compactDocument(db, planId);
  const document = await db.planDocument.findUnique({
    where: { planId },
    select: { state: true, content: true, text: true },
  });
  const empty = { type: "doc", content: [] };
  return db.planDocumentVersion.create({
    data: {
      planId,
      kind,
      name,
      state: document?.state ?? Buffer.alloc(0),
      content: (document?.content ?? empty) as object,
      text: document?.text ?? "",
      createdById: userId,
    },
    select: versionSummarySelect,
  });
}

/**
 * Keeps an automatic version when the text changed since the last version and, while editing
 * goes on, when the last one is older than the interval.
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
  return saveVersion(db, planId, "auto", null, null);
}

/** Additions and deletions between two texts, word by word. */
export function compareTexts(from: string, to: string) {
  return diffWordsWithSpace(from, to).map((part) => ({
    value: part.value,
    change: part.added ? ("added" as const) : part.removed ? ("removed" as const) : ("same" as const),
  }));
}
