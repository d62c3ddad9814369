import { z } from "zod";
import { CAPITAL_SOURCES, MILESTONE_STATUSES, SHORTAGE_CATEGORIES, SHORTAGE_STATUSES } from "@/lib/domain/planning";
import { PERIOD_PATTERN } from "./figures";

/**
 * Inputs of the planning procedures. Forms send what the user typed (strings); these schemas
 * turn it into values and answer with message keys of the `validation` catalogue per field.
 */
export const id = z.string().min(1).max(64);
const optionalId = z.union([z.literal(""), z.null(), id]).transform((v) => v || null);
const ids = z.array(id).max(200).default([]);

const text = (max: number, min = 1) =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(min, { error: min > 1 ? "validation.tooShort" : "validation.required" })
    .max(max, { error: "validation.tooLong" });
const optionalText = (max: number) => z.string().trim().max(max, { error: "validation.tooLong" }).default("");

export const year = z.coerce
  .number({ error: "validation.year" })
  .int({ error: "validation.year" })
  .min(2000, { error: "validation.year" })
  .max(2100, { error: "validation.year" });
const date = z.iso.date({ error: "validation.date" }).transform((value) => new Date(`${value}T00:00:00Z`));
const period = z
  .string({ error: "validation.period" })
  .trim()
  .toUpperCase()
  .regex(PERIOD_PATTERN, { error: "validation.period" });

/** Digits grouped by threes with dots or spaces, as Vietnamese write them: "20.586.000.000", "1 250". */
const GROUPED = /^-?\d{1,3}(?:[.\s]\d{3})+$/;

/**
 * A decimal as officials type it → "1250.5": the comma is the decimal mark and dots group
 * thousands ("1.250,5"); without a comma, only a dot that groups threes ("1.250") is read as
 * grouping, and any other dot as the decimal mark ("34.9").
 */
export function normalizeDecimal(value: string): string {
  const text = value.trim();
  if (text.includes(",")) return text.replace(/[.\s]/g, "").replace(",", ".");
  return GROUPED.test(text) ? text.replace(/[.\s]/g, "") : text;
}

const decimal = (digits = 4) =>
  z
    .union([z.string(), z.number()], { error: "validation.decimal" })
    .transform((v) => normalizeDecimal(String(v)))
    .pipe(z.string().regex(new RegExp(`^-?\\d{1,15}(\\.\\d{1,${digits}})?$`), { error: "validation.decimal" }));

/** "20.586.000.000", "20 586 000 000" or "20586000000" → 20586000000n: whole đồng, positive, below a quadrillion. */
const money = z
  .union([z.string(), z.number(), z.bigint()], { error: "validation.money" })
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^(?:\d+|\d{1,3}(?:[.\s]\d{3})+)$/, { error: "validation.money" }))
  .transform((v) => v.replace(/[.\s]/g, ""))
  .pipe(z.string().regex(/^\d{1,15}$/, { error: "validation.money" }))
  .transform((v) => BigInt(v))
  .refine((v) => v > 0n, { error: "validation.money" });
const optionalMoney = z
  .union([z.literal(""), z.null(), money], { error: "validation.money" })
  .transform((v) => (v === "" ? null : v));

/** One of the options a form offers, taken as the form sends it: text, "" when nothing was chosen. */
export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.string({ error: "validation.required" }).pipe(z.enum(values, { error: "validation.required" }));

const targetFields = z.object({
  criterionId: optionalId,
  title: text(300, 5),
  unit: text(50),
  baselineValue: decimal(),
  baselineYear: year,
  targetValue: decimal(),
  targetYear: year,
  direction: choice(["increase", "decrease"]),
});

/** The target year follows the baseline; an "up" target lies above its baseline, a "down" one below. */
// Typed by the schema itself (not z.ZodType<T>, whose input is unknown), so that forms can derive their fields from it.
const checkTarget = <S extends z.ZodType<z.infer<typeof targetFields>>>(schema: S) =>
  schema
    .refine((t) => t.targetYear >= t.baselineYear, { error: "validation.targetYear", path: ["targetYear"] })
    .refine(
      (t) =>
        t.direction === "increase"
          ? Number(t.targetValue) >= Number(t.baselineValue)
          : Number(t.targetValue) <= Number(t.baselineValue),
      {
        error: "validation.targetDirection",
        path: ["targetValue"],
      },
    );

export const ZTargetCreate = checkTarget(targetFields.extend({ planId: id }));
export const ZTargetUpdate = checkTarget(targetFields.extend({ id }));
export const ZMeasurement = z.object({ targetId: id, period, value: decimal(), source: text(300) });

const milestoneFields = z.object({
  title: text(300, 5),
  ownerUnitId: id.or(z.literal("")).refine((v) => v !== "", { error: "validation.required" }),
  startOn: date,
  dueOn: date,
  status: choice(MILESTONE_STATUSES).default("planned"),
  targetIds: ids,
  shortageIds: ids,
});
const checkDates = <S extends z.ZodType<{ startOn: Date; dueOn: Date }>>(schema: S) =>
  schema.refine((m) => m.dueOn >= m.startOn, { error: "validation.dueBeforeStart", path: ["dueOn"] });
export const ZMilestoneCreate = checkDates(milestoneFields.extend({ planId: id }));
export const ZMilestoneUpdate = checkDates(milestoneFields.extend({ id }));
export const ZMilestoneStatus = z.object({ id, status: milestoneFields.shape.status.unwrap() });

const budgetLineFields = z.object({
  milestoneId: optionalId,
  source: choice(CAPITAL_SOURCES),
  year,
  description: optionalText(300),
  amount: money,
});
export const ZBudgetLineCreate = budgetLineFields.extend({ planId: id });
export const ZBudgetLineUpdate = budgetLineFields.extend({ id });
export const ZDisbursement = z.object({ budgetLineId: id, amount: money, paidOn: date, note: optionalText(300) });
export const ZInKind = z.object({
  planId: id,
  milestoneId: optionalId,
  kind: choice(["land_m2", "working_days"]),
  quantity: decimal(2).refine((v) => Number(v) > 0, { error: "validation.positive" }),
  year,
  description: optionalText(300),
});

export const shortageFields = z.object({
  unitId: id.or(z.literal("")).refine((v) => v !== "", { error: "validation.required" }),
  category: choice(SHORTAGE_CATEGORIES),
  description: optionalText(300),
  quantity: z.coerce
    .number({ error: "validation.quantity" })
    .int({ error: "validation.quantity" })
    .min(1, { error: "validation.quantity" })
    .max(1_000_000, { error: "validation.quantity" }),
  unitLabel: text(30),
  estimatedCost: optionalMoney,
  status: choice(SHORTAGE_STATUSES).default("open"),
  milestoneIds: ids,
  budgetLineIds: ids,
});
export const ZShortageCreate = shortageFields.extend({ planId: id });
export const ZShortageUpdate = shortageFields.extend({ id });
export const ZShortageStatus = z.object({ id, status: shortageFields.shape.status.unwrap() });

export type TTargetCreate = z.output<typeof ZTargetCreate>;
export type TTargetFields = z.output<typeof targetFields>;
export type TMeasurement = z.output<typeof ZMeasurement>;
export type TMilestoneFields = z.output<typeof milestoneFields>;
export type TBudgetLineFields = z.output<typeof budgetLineFields>;
export type TDisbursement = z.output<typeof ZDisbursement>;
export type TInKind = z.output<typeof ZInKind>;
export type TShortageFields = z.output<typeof shortageFields>;
