"use client";

import dynamic from "next/dynamic";
import { EditorPlaceholder } from "./editor-placeholder";
import { useCollabDocument } from "./use-collab-document";

/**
 * TipTap and ProseMirror are about 150 kB gzipped, as much as the rest of the page's
 * JavaScript, and show nothing before the document has connected; so their code is not part
 * of the page's first load. It is fetched as the page starts, while the document connects.
 */
const loadLiveEditor = () => import("./live-plan-editor");
// Fetched as soon as this module runs in the browser, while the page hydrates, rather than once
// the document's socket exists: the editor's code and the connection then arrive together.
if (typeof window !== "undefined") void loadLiveEditor();
const LiveEditor = dynamic(() => loadLiveEditor().then((m) => m.LiveEditor), {
  ssr: false,
  loading: EditorPlaceholder,
});

interface Props {
  planId: string;
  canEdit: boolean;
  user: { id: string; name: string };
}

/** The plan's document, written together live. */
export function PlanEditor({ planId, canEdit, user }: Props) {
  const collab = useCollabDocument(planId, canEdit);
  if (!collab) return <EditorPlaceholder />;
  return <LiveEditor collab={collab} user={user} planId={planId} />;
}
