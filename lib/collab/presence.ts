/**
 * How an editor appears to the others in a document: their name and a colour of their own.
 * The server sets both from the signed-in user (an editor cannot pose as someone else); the
 * browser uses the same colour for its own caret.
 */
const COLORS = ["#b91c1c", "#c2410c", "#a16207", "#15803d", "#0e7490", "#1d4ed8", "#7e22ce", "#be185d"];

export const colorFor = (userId: string) =>
  COLORS[[...userId].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % COLORS.length]!;

/** The awareness fields an editor may publish: who they are (set by the server) and where their caret is. */
export interface PresenceState {
  user: { name: string; color: string };
  cursor?: unknown;
}
