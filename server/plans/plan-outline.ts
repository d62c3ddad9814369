import type { JSONContent } from "@tiptap/core";

const heading = (level: 2 | 3, text: string): JSONContent => ({
  type: "heading",
  attrs: { level },
  content: [{ type: "text", text }],
});
const blank: JSONContent = { type: "paragraph" };

/**
 * The sections officials give a yearly action plan (kế hoạch thực hiện), for a new plan to start
 * from: purpose and requirements, targets, tasks and solutions, funding, implementation. Only
 * headings, with a blank paragraph under each to write in; every part of it may be changed.
 * Vietnamese whatever the interface language: plans are Vietnamese documents.
 */
export const PLAN_OUTLINE: JSONContent = {
  type: "doc",
  content: [
    heading(2, "I. MỤC ĐÍCH, YÊU CẦU"),
    heading(3, "1. Mục đích"),
    blank,
    heading(3, "2. Yêu cầu"),
    blank,
    heading(2, "II. CHỈ TIÊU"),
    blank,
    heading(2, "III. NHIỆM VỤ, GIẢI PHÁP"),
    blank,
    heading(2, "IV. KINH PHÍ"),
    blank,
    heading(2, "V. TỔ CHỨC THỰC HIỆN"),
    blank,
  ],
};
