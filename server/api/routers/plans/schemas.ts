import { z } from "zod";
import { DRAFT_REFERENCE_PATTERN, REFERENCE_PATTERN } from "../../../plans/reference";

/**
 * Messages are keys of the `validation` catalogue (messages/vi.json), translated where they
 * are shown, so one schema serves both languages.
 */
const id = z.string().min(1).max(64);
const optionalYear = z.coerce
  .number({ error: "validation.year" })
  .int({ error: "validation.year" })
  .min(2000, { error: "validation.year" })
  .max(2100, { error: "validation.year" });

/** "2543/KH-SGDĐT", checked as officials write it (upper-cased, Vietnamese letters composed). */
export const ZReference = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .transform((value) => value.normalize("NFC").toUpperCase())
  .pipe(z.string().regex(REFERENCE_PATTERN, { error: "validation.reference" }));

const planDetailsFields = z.object({
  // A draft may be written before it is numbered: the number is required to submit it.
  reference: z
    .string({ error: "validation.reference" })
    .optional()
    .transform((value) => (value ?? "").trim().normalize("NFC").toUpperCase())
    .refine((value) => value === "" || DRAFT_REFERENCE_PATTERN.test(value), { error: "validation.reference" }),
  title: z
    .string({ error: "validation.required" })
    .trim()
    .normalize("NFC")
    .min(10, { error: "validation.titleTooShort" })
    .max(500, { error: "validation.titleTooLong" }),
  issuedOn: z
    .union([z.literal(""), z.null(), z.iso.date({ error: "validation.date" })])
    .transform((value) => (value ? new Date(`${value}T00:00:00Z`) : null)),
  issuingUnitId: id.or(z.literal("")).refine((v) => v !== "", { error: "validation.required" }),
  programId: id.or(z.literal("")).refine((v) => v !== "", { error: "validation.required" }),
  year: z.union([z.literal(""), z.null(), optionalYear]).transform((v) => (v === "" ? null : v)),
  parentId: z.union([z.literal(""), z.null(), id]).transform((v) => v || null),
});

/** "2543/KH-SGDĐT" → number "2543", symbol "KH-SGDĐT"; "KH-UBND" → no number yet; "" → neither yet. */
const splitReference = <T extends { reference: string }>({ reference, ...rest }: T) => {
  const [, number, symbol] = DRAFT_REFERENCE_PATTERN.exec(reference) ?? [];
  return { ...rest, number: number ?? null, symbol: symbol ?? "" };
};

export const ZPlanDetails = planDetailsFields.transform(splitReference);
export type TPlanDetailsInput = z.input<typeof ZPlanDetails>;

/** A new plan's details, and whether its text starts from the outline officials use. */
export const ZPlanCreate = planDetailsFields.extend({ outline: z.boolean().optional() }).transform(splitReference);

export const ZPlanId = z.object({ id });

/** What the records officer enters when an approved plan is issued: its official number and date. */
export const ZPlanIssue = z
  .object({
    reference: ZReference,
    issuedOn: z.iso.date({ error: "validation.date" }).transform((value) => new Date(`${value}T00:00:00Z`)),
  })
  // An issued plan has its full number: the pattern guarantees both parts.
  .transform(({ reference, ...rest }) => {
    const [, number, symbol] = REFERENCE_PATTERN.exec(reference)!;
    return { ...rest, number: number!, symbol: symbol! };
  });
export type TPlanIssue = z.output<typeof ZPlanIssue>;

export const ZPlanUpdate = z.object({ id, details: ZPlanDetails });

export const ZPlanList = z.object({
  year: z.number().int().min(2000).max(2100).optional(),
  programId: id.optional(),
  periodStart: z.number().int().min(2000).max(2100).optional(),
  status: z.enum(["draft", "submitted", "returned", "approved", "superseded"]).optional(),
  unitId: id.optional(),
  mine: z.boolean().optional(),
  awaitingMyReview: z.boolean().optional(),
  search: z.string().max(200).optional(),
  page: z.number().int().min(1).max(10_000).optional(),
  pageSize: z.number().int().min(1).max(100).optional(),
});
export type TPlanList = z.infer<typeof ZPlanList>;

export const ZParentCandidates = z.object({ issuingUnitId: id });
