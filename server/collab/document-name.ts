/** Each plan has one Yjs document, named "plan:<id>" on the socket. */
const PREFIX = "plan:";

export const planDocumentName = (planId: string) => `${PREFIX}${planId}`;

export function planIdFromDocumentName(name: string): string | null {
  if (!name.startsWith(PREFIX)) return null;
  const id = name.slice(PREFIX.length);
  return /^[a-z0-9]{10,40}$/i.test(id) ? id : null;
}
