import type { Prisma } from "../db/generated/client";

/** What the interface shows of a unit. */
export const unitSummarySelect = {
  id: true,
  code: true,
  name: true,
  level: true,
  path: true,
  validTo: true,
} satisfies Prisma.OrgUnitSelect;

export type UnitSummary = Prisma.OrgUnitGetPayload<{ select: typeof unitSummarySelect }>;
