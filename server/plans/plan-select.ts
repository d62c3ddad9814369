import type { Prisma } from "../db/generated/client";
import { unitSummarySelect } from "../units/unit-select";

/** A plan as lists show it. */
export const planSummarySelect = {
  id: true,
  number: true,
  symbol: true,
  title: true,
  issuedOn: true,
  periodStart: true,
  periodEnd: true,
  year: true,
  status: true,
  /** Issued: an approved plan whose official number, date and signed copy were entered. */
  issuedAt: true,
  signedCopyId: true,
  updatedAt: true,
  issuingUnit: { select: unitSummarySelect },
  program: { select: { id: true, code: true, name: true, nameEn: true } },
} satisfies Prisma.PlanSelect;

export type PlanSummary = Prisma.PlanGetPayload<{ select: typeof planSummarySelect }>;
