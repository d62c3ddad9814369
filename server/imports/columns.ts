import { searchable } from "../../lib/search-text";
import type { ColumnLayout, ImportIssue } from "./types";

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

/** A unit of money a heading states after a comma ("Kinh phí, triệu đồng"); in brackets it goes with them. */
const TRAILING_UNIT =
  /[,;:–-]\s*(?:(?:dvt|don vi tinh)\s*:?\s*)?(?:trieu dong|ty dong|nghin dong|ngan dong|dong|trd|tr\.?\s?d|vnd)\s*$/;
/** "1. Quy hoạch", "a) Mã xã", "II - Tên": a numbering before the words. */
const NUMBERING = /^\s*(?:\d{1,2}|[ivx]{1,4}|[a-z])\s*[.)/–-]\s*(?=[a-z])/;

/**
 * A heading as it is matched: "1. Quy hoạch", "QUY HOẠCH", "Quy hoạch\n(tiêu chí)" → "quy
 * hoach". Numbering, notes in brackets (units, "(1)"), line breaks and accents do not count.
 */
export function headingKey(text: string): string {
  const plain = searchable(text.normalize("NFC"))
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
    .replace(TRAILING_UNIT, "");
  return plain
    .replace(NUMBERING, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export interface ColumnSpec<K extends string = string> {
  key: K;
  /** The heading a template writes (Vietnamese). */
  heading: string;
  /** Other headings accepted, as written; compared after headingKey. */
  aliases: string[];
  required: boolean;
}

/** What a kind of import calls its columns. */
export interface Vocabulary<K extends string = string> {
  specs: ColumnSpec<K>[];
  /** Keys the file names by pattern (the criteria table's TC1…TCn): from a heading and the group heading above it. */
  dynamic?: (key: string, group: string) => K | null;
  /** Two columns of which the file needs one, whichever (a unit's code or its name). */
  oneOf?: [K, K][];
  /** What a user may say a column is, in the order a mapping step lists them. */
  targets: { key: K; label: string }[];
}

/** Headings that are ignored without a word: a row number column ("STT") or an empty heading. */
const IGNORED = new Set(["stt", "so tt", "so thu tu", "tt", ""]);
/** Columns every official's table has and no import reads: shown as ignored, not asked about. */
const NOTES = new Set(["ghi chu", "ghi chu khac", "so tieu chi dat", "tong so tieu chi dat"]);
export const IGNORE = "ignore";

/** One column of the header as the file writes it. */
export interface HeaderCell {
  index: number;
  /** The heading as shown to the user: the lower row's text of a two-row header, else the upper. */
  heading: string;
  /** The heading of the group above it ("Kết quả thực hiện các tiêu chí"), or "". */
  group: string;
}

/** The columns a file has, by key, and the headings it gives them (issues name columns as the file does). */
export class Columns<K extends string = string> {
  constructor(
    private readonly index: Map<K, number>,
    private readonly cells: Map<K, HeaderCell>,
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
    return this.cells.get(key)?.heading ?? String(key);
  }

  /** The heading with the group above it, where a unit of measure may be stated ("Kinh phí (triệu đồng)"). */
  fullHeading(key: K): string {
    const cell = this.cells.get(key);
    return cell ? `${cell.group} ${cell.heading}`.trim() : "";
  }

  indexOf(key: K): number | undefined {
    return this.index.get(key);
  }
}

/** What a user said (or said before, for their unit) a heading is: a key of the kind or "ignore". */
export type ColumnMapping = Map<string, string>;

/**
 * Finds each spec's column in the header. The user's mapping comes first (this file's, then
 * the one remembered for their unit), then the headings the kind knows. Missing required
 * columns and headings used twice are file-level issues; headings not recognised are
 * warnings (their cells are ignored) and are offered to the mapping step.
 */
export function matchColumns<K extends string>(
  header: HeaderCell[],
  vocabulary: Vocabulary<K>,
  mapping: { chosen?: ColumnMapping; remembered?: ColumnMapping } = {},
): { columns: Columns<K>; fileIssues: ImportIssue[]; warnings: ImportIssue[]; layout: ColumnLayout[] } {
  const recognise = recogniser(vocabulary);
  const known = new Set<string>(vocabulary.targets.map((t) => t.key));
  const index = new Map<K, number>();
  const cells = new Map<K, HeaderCell>();
  const fileIssues: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const layout: ColumnLayout[] = [];
  const duplicates = new Set<string>();
  for (const cell of header) {
    const label = headingKey(cell.heading);
    const chosen = mapping.chosen?.get(label);
    const remembered = mapping.remembered?.get(label);
    const told = [chosen, remembered].find((t) => t !== undefined && (t === IGNORE || known.has(t)));
    const recognised = recognise(label, headingKey(cell.group));
    const target = (told ?? recognised) as K | typeof IGNORE | null;
    const how = told !== undefined ? (told === chosen ? "mapped" : "remembered") : recognised ? "recognised" : null;
    if (target === null || target === IGNORE) {
      // A blank heading or a row number column is nothing to ask about.
      if (target === null && IGNORED.has(label)) continue;
      const noted = target === null && NOTES.has(label);
      layout.push({
        index: cell.index,
        heading: cell.heading,
        target: null,
        how: how ?? (noted ? "ignored" : "unknown"),
      });
      if (target === null && !noted)
        warnings.push({
          row: null,
          column: cell.heading,
          message: "imports.errors.unknownColumn",
          params: { column: cell.heading },
        });
      continue;
    }
    layout.push({ index: cell.index, heading: cell.heading, target, how: how! });
    if (index.has(target)) {
      // A heading repeated over merged cells is reported once, not once per cell.
      if (!duplicates.has(target))
        fileIssues.push({
          row: null,
          column: cell.heading,
          message: "imports.errors.duplicateColumn",
          params: { column: cell.heading },
        });
      duplicates.add(target);
      continue;
    }
    index.set(target, cell.index);
    cells.set(target, cell);
  }
  for (const spec of vocabulary.specs)
    if (spec.required && !index.has(spec.key))
      fileIssues.push({
        row: null,
        column: spec.heading,
        message: "imports.errors.missingColumn",
        params: { column: spec.heading },
      });
  for (const group of vocabulary.oneOf ?? [])
    if (!group.some((key) => index.has(key))) {
      const names = group.map((key) => vocabulary.specs.find((s) => s.key === key)?.heading ?? key);
      fileIssues.push({
        row: null,
        column: names[0]!,
        message: "imports.errors.missingEither",
        params: { first: names[0]!, second: names[1]! },
      });
    }
  return { columns: new Columns(index, cells), fileIssues, warnings, layout };
}

/** A heading's key among the kind's columns: by the headings and aliases, else by the kind's own pattern. */
export function recogniser<K extends string>(vocabulary: Vocabulary<K>): (label: string, group: string) => K | null {
  const byLabel = new Map<string, K>();
  for (const spec of vocabulary.specs)
    for (const label of [spec.heading, spec.key, ...spec.aliases]) byLabel.set(headingKey(label), spec.key);
  return (label, group) => byLabel.get(label) ?? vocabulary.dynamic?.(label, group) ?? null;
}

/** Looks a typed label up among known values (an enum value or its Vietnamese label, any case or accent). */
export function labelLookup<V extends string>(entries: [V, string[]][]): (text: string) => V | null {
  const map = new Map<string, V>();
  for (const [value, labels] of entries) for (const label of [value, ...labels]) map.set(normalizeLabel(label), value);
  return (text) => map.get(normalizeLabel(text)) ?? null;
}
