import { translate } from "../exports/labels";

/** The translator with any key, for messages whose keys come as data (import issues, errors). */
const byKey = translate as unknown as {
  (key: string, params: Record<string, string | number>): string;
  has(key: string): boolean;
};

/**
 * A message of the interface's Vietnamese catalogue with its values filled in, by the same ICU
 * translator as the exports (plurals, `{count, number}`), so the command line says what the web
 * says ("Dòng 5, cột “TC3”: …"); the key itself when there is none.
 */
export function say(key: string, params: Record<string, string | number> = {}): string {
  return byKey.has(key) ? byKey(key, params) : key;
}
