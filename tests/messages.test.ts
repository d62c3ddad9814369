import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../messages/en.json";
import vi from "../messages/vi.json";

const english = createTranslator({ locale: "en", messages: en });
const vietnamese = createTranslator({ locale: "vi", messages: vi });

/** Every message of a catalogue, by its dotted key. */
function entries(messages: object, prefix = ""): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value]] : entries(value as object, `${prefix}${key}.`),
  );
}

describe("messages", () => {
  it("count in English with the noun's plural (1 unit, 2 units), never a number before a fixed plural", () => {
    expect(english("dashboard.summary", { units: 1, allMet: 0, average: 7.5 })).toMatch(/^1 unit assessed ·/);
    expect(english("dashboard.summary", { units: 3321, allMet: 12, average: 7.5 })).toBe(
      "3,321 units assessed · meeting the whole set: 12 · average 7.5 criteria per unit",
    );
    expect(english("dashboard.criterionLine", { met: 1, units: 1, number: 3, rate: "100%" })).toBe(
      "1 of 1 unit meets criterion 3 — 100%",
    );
    expect(english("imports.hasErrors", { count: 1 })).toMatch(/^The file has 1 row with errors\./);
    expect(english("imports.skipped.count", { count: 1 })).toBe(
      "1 row that is not data is skipped; it is not an error.",
    );

    // Only a limit, a mean or a set's total may stand bare before a plural noun: they never count one.
    const nouns =
      /\{(?!max\}|average\}|total\})\w+\} (rows?|units?|communes?|districts?|shortages?|criteri(a|on)|errors?|minutes?|targets?|milestones?|plans?|commune groups?)\b/;
    expect(entries(en).filter(([, text]) => nouns.test(text))).toEqual([]);
  });

  it("format the counts they are given as Vietnamese numbers in Vietnamese", () => {
    expect(vietnamese("dashboard.summary", { units: 3321, allMet: 12, average: 7.5 })).toBe(
      "3.321 đơn vị được đánh giá · đạt toàn bộ tiêu chí: 12 · bình quân 7,5 tiêu chí/đơn vị",
    );
  });

  it("have the same keys in both languages", () => {
    expect(entries(en).map(([key]) => key)).toEqual(entries(vi).map(([key]) => key));
  });
});
