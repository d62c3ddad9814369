import vi from "../../messages/vi.json";

/**
 * A message of the interface's Vietnamese catalogue with its values filled in, so the command
 * line says what the web says ("Dòng 5, cột “TC3”: …"); the key itself when there is none.
 */
export function say(key: string, params: Record<string, string | number> = {}): string {
  const found = key
    .split(".")
    .reduce<unknown>(
      (node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined),
      vi,
    );
  if (typeof found !== "string") return key;
  return found.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
