import { searchable } from "../../lib/search-text";
import { labelLookup } from "./columns";
import type { BlankMeaning, MarksReport, Result } from "./types";

/**
 * Criteria results as officials mark them: the words (Đạt, Chưa đạt, Nâng cao, Kiểu mẫu),
 * or marks (x, ✓ for Đạt; NC; KM) whose meaning a legend in the file may state ("x - Đạt;
 * ô trống - Chưa đạt") or the user may choose. An empty cell keeps the stored result unless
 * the legend or the user says it means Chưa đạt. Marks are shown in the preview and confirmed
 * before an import; words need no confirmation.
 */

export const parseResult = labelLookup<Result>([
  ["met", ["đạt", "đạt tiêu chí", "đạt chuẩn"]],
  ["not_met", ["chưa đạt", "không đạt", "chưa đạt tiêu chí"]],
  ["advanced", ["nâng cao", "đạt nâng cao", "NTM nâng cao"]],
  ["model", ["kiểu mẫu", "đạt kiểu mẫu", "NTM kiểu mẫu"]],
]);

/** A mark as compared: composed, trimmed, lower case; symbols stay ("✓"). */
export const markKey = (text: string) => text.normalize("NFC").trim().toLowerCase();

const DEFAULT_MARKS = new Map<string, Result>([
  ["x", "met"],
  ["✓", "met"],
  ["✔", "met"],
  ["√", "met"],
  ["☑", "met"],
  ["nc", "advanced"],
  ["km", "model"],
]);
const BLANK_WORDS = /^(?:o trong|de trong|bo trong|trong|khong ghi|khong danh dau|o de trong)$/;

/** What a legend says: marks it defines and what an empty cell means, if it says so. */
export function readLegend(lines: { row: number; text: string }[]) {
  const marks = new Map<string, Result>();
  let blank: BlankMeaning | null = null;
  let row: number | null = null;
  for (const { row: at, text } of lines) {
    const body = text.normalize("NFC").replace(/^\s*(?:ghi chú|chú thích|chú giải|ký hiệu)\s*:?\s*/i, "");
    for (const part of body.split(/[;,\n]/)) {
      // "x - Đạt", "NC: Nâng cao", "ô trống là Chưa đạt", or "(x) đạt tiêu chí" with the mark in brackets.
      const match =
        /^\s*(ô để trống|ô trống|để trống|bỏ trống|trống|[^\s()"“”':=–-]{1,4})\s*(?:[:=–-]|\s+là\s+)\s*(.+?)\s*\.?\s*$/i.exec(
          part,
        ) ?? /^\s*[("“']\s*([^\s()"“”']{1,4})\s*[)"”']\s*(?:[:=–-]|\s+là\s+)?\s*(.+?)\s*\.?\s*$/i.exec(part);
      if (!match) continue;
      const meaning = match[2]!.replace(/\s*(?:các\s+)?tiêu chí\s*$/i, "");
      const result = parseResult(meaning) ?? (/^giu nguyen/.test(searchable(meaning)) ? "keep" : null);
      if (!result) continue;
      row ??= at;
      if (BLANK_WORDS.test(searchable(match[1]!)))
        blank = result === "not_met" ? "not_met" : result === "keep" ? "keep" : blank;
      else if (result !== "keep" && !parseResult(match[1]!)) marks.set(markKey(match[1]!), result);
    }
  }
  return { marks, blank, row };
}

export type Read = Result | "blank" | null;

/** Reads the criterion cells of one file, counting what each mark was read as for the preview. */
export class MarkReader {
  private readonly used = new Map<
    string,
    { mark: string; result: Result; count: number; from: MarksReport["marks"][number]["from"] }
  >();
  private blanks = 0;
  readonly blank: BlankMeaning;
  private readonly blankFrom: MarksReport["blank"]["from"];

  constructor(
    private readonly chosen: Map<string, Result>,
    chosenBlank: BlankMeaning | null,
    private readonly legend: ReturnType<typeof readLegend>,
  ) {
    this.blank = chosenBlank ?? legend.blank ?? "keep";
    this.blankFrom = chosenBlank ? "chosen" : legend.blank ? "legend" : "default";
  }

  /** A cell's result; "blank" for an empty cell, null for a value that is neither a word nor a known mark. */
  read(text: string): Read {
    if (!text) {
      this.blanks++;
      return this.blank === "not_met" ? "not_met" : "blank";
    }
    const key = markKey(text);
    const seen = this.used.get(key);
    if (seen) {
      seen.count++;
      return seen.result;
    }
    const chosen = this.chosen.get(key);
    const word = chosen ? null : parseResult(text);
    const legend = this.legend.marks.get(key);
    const fallback = DEFAULT_MARKS.get(key);
    const result = chosen ?? word ?? legend ?? fallback;
    if (!result) return null;
    const from = chosen ? "chosen" : word ? "word" : legend ? "legend" : "default";
    this.used.set(key, { mark: text.trim(), result, count: 1, from });
    return result;
  }

  /** What a cell reads as, without counting it (for totals). */
  peek(text: string): Read {
    if (!text) return this.blank === "not_met" ? "not_met" : "blank";
    const key = markKey(text);
    return (
      this.used.get(key)?.result ??
      this.chosen.get(key) ??
      parseResult(text) ??
      this.legend.marks.get(key) ??
      DEFAULT_MARKS.get(key) ??
      null
    );
  }

  report(): MarksReport {
    return {
      marks: [...this.used.values()],
      blank: { meaning: this.blank, count: this.blanks, from: this.blankFrom },
      legendRow: this.legend.row,
    };
  }

  /** What the user confirms: the marks that are not words, and empty cells read as Chưa đạt. Null when nothing needs it. */
  confirmationKey(): string | null {
    const marks = [...this.used.values()].filter((m) => m.from !== "word");
    const blankCounts = this.blank === "not_met" && this.blanks > 0;
    if (!marks.length && !blankCounts) return null;
    const parts = marks.map((m) => `${markKey(m.mark)}=${m.result}`).sort();
    return `marks:${[...parts, blankCounts ? "(blank)=not_met" : ""].filter(Boolean).join(",")}`;
  }
}

/** The marks of a file need the user's agreement before it is imported, once they have seen them. */
export function marksConfirmation(reader: MarkReader) {
  const key = reader.confirmationKey();
  return key ? [{ key, message: "imports.confirm.marks" }] : [];
}

/** The user's choices ("x" → "Đạt", "" → "Chưa đạt" or "keep"), as given by the page or `--marks`. */
export function chosenMarks(marks: Record<string, string> | undefined) {
  const chosen = new Map<string, Result>();
  let blank: BlankMeaning | null = null;
  for (const [mark, meaning] of Object.entries(marks ?? {})) {
    const result = parseResult(meaning);
    if (mark.trim() === "")
      blank =
        result === "not_met"
          ? "not_met"
          : meaning === "keep" || /^giu nguyen/.test(searchable(meaning))
            ? "keep"
            : blank;
    else if (result) chosen.set(markKey(mark), result);
  }
  return { chosen, blank };
}
