import { searchable } from "../../lib/search-text";
import type { ImportIssue, SourceTable } from "./types";

/**
 * Headings and labels as officials type them: any case, with or without diacritics, with
 * spaces, underscores or punctuation between words. "Mã cấp trên", "MA CAP TREN" and
 * "parent_code" are told apart from each other only by their words.
 */
export const normalizeLabel = (text: string) =>
  searchable(text.normalize("NFC"))
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** Free text as stored: composed Unicode, trimmed, single spaces. */
export const normalizeText = (text: string) => text.normalize("NFC").trim().replace(/\s+/g, " ");

export interface ColumnSpec<K extends string = string> {
  key: K;
  /** The heading a template writes (Vietnamese). */
  heading: string;
  /** Other headings accepted, as written; compared after normalizeLabel. */
  aliases: string[];
  required: boolean;
}

/** Headings that are ignored without a word: a row number column ("STT") or an empty heading. */
const IGNORED = new Set(["stt", "so tt", "so thu tu", ""]);

/** The columns a file has, by key, and the headings it gives them (issues name columns as the file does). */
export class Columns<K extends string = string> {
  constructor(
    private readonly index: Map<K, number>,
    private readonly headings: Map<K, string>,
  ) {}

  has(key: K) {
    return this.index.has(key);
  }

  keys(): K[] {
    return [...this.index.keys()];
  }

  /** The cell of `key` in a row, trimmed and composed; "" when the column or the cell is missing. */
  value(cells: string[], key: K): string {
    const i = this.index.get(key);
    return i === undefined ? "" : normalizeText(cells[i] ?? "");
  }

  heading(key: K): string {
    return this.headings.get(key) ?? String(key);
  }
}

/**
 * Finds each spec's column in the file's header. Missing required columns and headings used
 * twice are file-level issues; headings the kind does not know are warnings (their cells are
 * ignored), unless `dynamic` recognises them (the criteria table's TC1…TCn).
 */
export function matchColumns<K extends string>(
  table: SourceTable,
  specs: ColumnSpec<K>[],
  dynamic?: (normalized: string) => K | null,
): { columns: Columns<K>; fileIssues: ImportIssue[]; warnings: ImportIssue[] } {
  const byLabel = new Map<string, K>();
  for (const spec of specs)
    for (const label of [spec.heading, spec.key, ...spec.aliases]) byLabel.set(normalizeLabel(label), spec.key);
  const index = new Map<K, number>();
  const headings = new Map<K, string>();
  const fileIssues: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  table.header.forEach((heading, i) => {
    const label = normalizeLabel(heading);
    const key = byLabel.get(label) ?? dynamic?.(label) ?? null;
    if (key === null) {
      if (!IGNORED.has(label))
        warnings.push({
          row: null,
          column: heading,
          message: "imports.errors.unknownColumn",
          params: { column: heading },
        });
      return;
    }
    if (index.has(key)) {
      fileIssues.push({
        row: null,
        column: heading,
        message: "imports.errors.duplicateColumn",
        params: { column: heading },
      });
      return;
    }
    index.set(key, i);
    headings.set(key, heading);
  });
  for (const spec of specs) {
    if (spec.required && !index.has(spec.key))
      fileIssues.push({
        row: null,
        column: spec.heading,
        message: "imports.errors.missingColumn",
        params: { column: spec.heading },
      });
  }
  return { columns: new Columns(index, headings), fileIssues, warnings };
}

/** Looks a typed label up among known values (an enum value or its Vietnamese label, any case or accent). */
export function labelLookup<V extends string>(entries: [V, string[]][]): (text: string) => V | null {
  const map = new Map<string, V>();
  for (const [value, labels] of entries) for (const label of [value, ...labels]) map.set(normalizeLabel(label), value);
  return (text) => map.get(normalizeLabel(text)) ?? null;
}
