/** Helpers over materialised unit paths ("/11/099/03199/"). */

export const isWithin = (path: string, ancestorPath: string) => path.startsWith(ancestorPath);

/** The path of the unit's parent ("/11/099/" for "/11/099/03199/"), or "" for a root. */
export function parentPath(path: string): string {
  return path.replace(/[^/]+\/$/, "");
}

/** Every path from the root down to and including `path`. */
export function pathAndAncestors(path: string): string[] {
  const codes = path.split("/").filter(Boolean);
  return codes.map((_, i) => `/${codes.slice(0, i + 1).join("/")}/`);
}

export const childPath = (parent: string | null, code: string) => `${parent ?? "/"}${code}/`;

/**
 * The LIKE pattern of a subtree ("/11/099/%"), its wildcards escaped: with the path's
 * pattern-ops index, PostgreSQL reads a subtree as one range of the index.
 */
export const subtreePattern = (path: string) => `${path.replace(/[\\%_]/g, "\\$&")}%`;
