import { z } from "zod";
import { PERIOD_PATTERN } from "../planning/figures";
import { choice } from "../planning/schemas";

const id = z.string().min(1).max(64);
const name = z
  .string({ error: "validation.required" })
  .trim()
  .min(2, { error: "validation.required" })
  .max(300, { error: "validation.tooLong" });
const indicatorCount = z
  .union([z.literal(""), z.null(), z.coerce.number().int().min(0).max(500)], { error: "validation.quantity" })
  .transform((v) => (v === "" ? null : v));

export const ZCriterionUpdate = z.object({ id, name, nameEn: name, indicatorCount });
export const ZCriterionAdd = z.object({ setId: id, name, nameEn: name, indicatorCount });
export const ZAssessment = z.object({
  unitId: id,
  criterionId: id,
  period: z
    .string({ error: "validation.period" })
    .trim()
    .toUpperCase()
    .regex(PERIOD_PATTERN, { error: "validation.period" }),
  result: choice(["not_met", "met", "advanced", "model"]),
  note: z.string().trim().max(1000, { error: "validation.tooLong" }).default(""),
  evidenceUrl: z
    .union([
      z.literal(""),
      z.null(),
      z.url({ protocol: /^https?$/, error: "validation.url" }).max(1000, { error: "validation.tooLong" }),
    ])
    .transform((v) => v || null),
});
export const ZUnitGroup = z.object({
  unitId: id,
  setId: id,
  group: z.coerce
    .number({ error: "validation.group" })
    .int()
    .min(1, { error: "validation.group" })
    .max(9, { error: "validation.group" }),
});

export type TCriterionUpdate = z.output<typeof ZCriterionUpdate>;
export type TCriterionAdd = z.output<typeof ZCriterionAdd>;
export type TAssessment = z.output<typeof ZAssessment>;
export type TUnitGroup = z.output<typeof ZUnitGroup>;
