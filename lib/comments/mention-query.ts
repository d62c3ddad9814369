/** What is typed after "@" may hold a first and last name ("@nguyen van an"), not a sentence. */
const MAX_QUERY = 40;
const MAX_WORDS = 4;

/**
 * The mention being typed before the caret: where its "@" stands and the text after it, or
 * null when the caret is not in one. An "@" counts at the start or after a space (not in
 * "a@b"), as the server reads mentions (server/comments/mentions.ts).
 */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf("@");
  if (start < 0 || (start > 0 && !/\s/.test(before[start - 1]!))) return null;
  const query = before.slice(start + 1);
  if (query.length > MAX_QUERY || /^\s|\n/.test(query) || query.split(/\s+/).length > MAX_WORDS) return null;
  return { start, query };
}

/** The text with the mention at `start` (up to the caret) replaced by "@handle ", and the caret after it. */
export function insertMention(text: string, start: number, caret: number, handle: string) {
  const inserted = `@${handle} `;
  const rest = text.slice(caret).replace(/^ /, "");
  return { text: text.slice(0, start) + inserted + rest, caret: start + inserted.length };
}
