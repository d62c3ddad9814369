import { describe, expect, it } from "vitest";
import { searchable } from "@/lib/search-text";
import { getDb } from "../db/client";

/** Every Vietnamese letter: the vowels with each of the five tone marks, and đ, in both cases. */
const TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
const LETTERS = [..."aăâeêioôơuưy"].flatMap((vowel) => TONES.map((tone) => (vowel + tone).normalize("NFC")));
const ALPHABET = [...LETTERS, "đ"].join("");

describe("plan titles without accents", () => {
  it("are stripped in the database as lib/search-text strips the words searched for", async () => {
    for (const text of [ALPHABET, ALPHABET.toUpperCase(), "Kế hoạch 2543/KH-UBND xã Quài Cang"]) {
      const [{ stripped }] = await getDb().$queryRaw<
        [{ stripped: string }]
      >`SELECT vietnamese_unaccented(${text}) AS stripped`;
      expect(stripped).toBe(searchable(text));
    }
  });
});
