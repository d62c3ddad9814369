import en from "../../messages/en.json";
import vi from "../../messages/vi.json";
import type { ShortageCategory } from "../db/generated/client";
import { SHORTAGE_CATEGORIES } from "@/lib/domain/planning";
import { normalizeDecimal, shortageFields } from "../planning/schemas";
import { type ColumnSpec, labelLookup, normalizeLabel } from "./columns";
import { parseMoney } from "./money";
import { PLAN_COLUMNS } from "./plans";
import { issueKey, type RowCheck } from "./rows";
import { type Change, CLEAR_MARKER, type FieldChange } from "./types";

/**
 * The columns of a shortage table, its categories as officials write them, and the values a
 * row gives: only the cells that are filled ("xóa" clears the cost), each checked as the
 * plan's form checks it.
 */

export type ShortageKey =
  "plan" | "planUnit" | "unit" | "unitName" | "category" | "quantity" | "unitLabel" | "estimatedCost" | "description";
export const SHORTAGE_COLUMNS: ColumnSpec<ShortageKey>[] = [
  ...PLAN_COLUMNS,
  {
    key: "unit",
    heading: "Mã xã/trường",
    aliases: ["Mã đơn vị", "Mã xã", "Mã trường", "unit", "unit code", "Mã ĐVHC"],
    required: false,
  },
  {
    key: "unitName",
    heading: "Tên xã/trường",
    aliases: ["Tên đơn vị", "Tên xã", "Tên trường", "Đơn vị", "Trường"],
    required: false,
  },
  { key: "category", heading: "Loại thiếu hụt", aliases: ["Loại", "category", "Hạng mục"], required: true },
  { key: "quantity", heading: "Số lượng", aliases: ["quantity", "Số lượng thiếu"], required: true },
  { key: "unitLabel", heading: "Đơn vị tính", aliases: ["ĐVT", "unit_label", "unit label"], required: true },
  {
    key: "estimatedCost",
    heading: "Kinh phí ước tính (đồng)",
    aliases: [
      "Kinh phí ước tính",
      "Kinh phí",
      "estimated_cost",
      "estimated cost",
      "Dự kiến kinh phí",
      "Kinh phí dự kiến",
    ],
    required: false,
  },
  { key: "description", heading: "Chi tiết", aliases: ["Mô tả", "description", "Nội dung"], required: false },
];

/** The categories as the interface names them, in both languages, and as officials shorten them. */
const SHORT_NAMES: Record<ShortageCategory, string[]> = {
  boarding_rooms: ["phòng bán trú", "phòng nội trú"],
  teacher_housing: ["nhà công vụ"],
  solid_classrooms: ["phòng học kiên cố"],
  teachers: ["giáo viên"],
  equipment: [],
  other: [],
};
export const parseCategory = labelLookup<ShortageCategory>(
  SHORTAGE_CATEGORIES.map((c) => [c, [vi.shortages.categories[c], en.shortages.categories[c], ...SHORT_NAMES[c]]]),
);

export type ShortageValues = { quantity?: number; unitLabel?: string; estimatedCost?: bigint | null };
const money = (value: bigint | null | undefined) =>
  value === null || value === undefined ? null : { type: "money" as const, value: value.toString() };
const isClear = (text: string) => normalizeLabel(text) === normalizeLabel(CLEAR_MARKER);

/** The values a row gives for quantity, unit label and cost; an empty cell is no value. */
export function readValues(
  value: (key: ShortageKey) => string,
  h: (key: ShortageKey) => string,
  check: RowCheck<Change>,
  unit: bigint,
): ShortageValues {
  // The form's own checks, for the cells that are filled.
  const given: ShortageValues = {};
  if (value("quantity")) {
    const quantity = shortageFields.shape.quantity.safeParse(normalizeDecimal(value("quantity")));
    if (quantity.success) given.quantity = quantity.data;
    else check.error(h("quantity"), "validation.quantity");
  }
  if (value("unitLabel")) {
    const label = shortageFields.shape.unitLabel.safeParse(value("unitLabel"));
    if (label.success) given.unitLabel = label.data;
    else for (const issue of label.error.issues) check.error(h("unitLabel"), issueKey(issue));
  }
  const costText = value("estimatedCost");
  if (costText && isClear(costText)) given.estimatedCost = null;
  else if (costText) {
    const cost = parseMoney(costText, unit);
    if (cost === null) check.error(h("estimatedCost"), "imports.errors.money", { value: costText });
    else given.estimatedCost = cost;
  }
  return given;
}

export function describeShortage(
  h: (key: ShortageKey) => string,
  before: ShortageValues,
  after: ShortageValues,
): FieldChange[] {
  const changes: FieldChange[] = [];
  if (after.quantity !== undefined)
    changes.push({
      column: h("quantity"),
      before: before.quantity === undefined ? null : { type: "text", value: String(before.quantity) },
      after: { type: "text", value: String(after.quantity) },
    });
  if (after.unitLabel !== undefined)
    changes.push({
      column: h("unitLabel"),
      before: before.unitLabel ? { type: "text", value: before.unitLabel } : null,
      after: { type: "text", value: after.unitLabel },
    });
  if (after.estimatedCost !== undefined)
    changes.push({
      column: h("estimatedCost"),
      before: money(before.estimatedCost),
      after: money(after.estimatedCost),
    });
  return changes;
}
