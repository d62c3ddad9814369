import { describe, expect, it } from "vitest";
import { insertMention, mentionAt } from "./mention-query";

describe("the mention being typed", () => {
  it("is the text from an @ at a word's start to the caret", () => {
    expect(mentionAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionAt("Nhờ @nguyen van", 15)).toEqual({ start: 4, query: "nguyen van" });
    expect(mentionAt("Nhờ @nguyen van xem", 11)).toEqual({ start: 4, query: "nguyen" });
  });

  it("is not an email address, a new line, or a sentence", () => {
    expect(mentionAt("thu@chungtay", 12)).toBeNull();
    expect(mentionAt("@an\nxem", 7)).toBeNull();
    expect(mentionAt("@ an", 4)).toBeNull();
    expect(mentionAt("@canbo.xa xem giúp số phòng bán trú", 35)).toBeNull();
    expect(mentionAt("không có", 8)).toBeNull();
  });

  it("becomes the chosen person's handle, followed by one space", () => {
    expect(insertMention("Nhờ @nguyen van xem", 4, 15, "canbo.xa")).toEqual({
      text: "Nhờ @canbo.xa xem",
      caret: 14,
    });
    expect(insertMention("@ng", 0, 3, "an")).toEqual({ text: "@an ", caret: 4 });
  });
});
