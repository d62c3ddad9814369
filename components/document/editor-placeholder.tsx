/** The editor's place while its code loads and its document connects. */
export function EditorPlaceholder() {
  return <div className="h-96 animate-pulse rounded-lg border border-slate-200 bg-white" aria-busy="true" />;
}
