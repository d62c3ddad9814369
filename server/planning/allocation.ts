import type { Prisma } from "../db/generated/client";

/** A budget line's allocation and what has been paid out of it, in đồng. */
export interface Allocation {
  allocated: bigint;
  paid: bigint;
}

/** The rule every payment follows, from a form or a file: what is paid out of a line never exceeds what it holds. */
export const exceedsAllocation = (line: Allocation, adding: bigint) => line.paid + adding > line.allocated;

/**
 * The lines' allocations and payments, with the lines locked until the transaction ends, so that
 * two payments (or a payment and a smaller allocation) are checked one after the other and cannot
 * together pay out more than was allocated. Locked in id order, so two writers cannot deadlock.
 */
export async function lockAllocations(
  tx: Prisma.TransactionClient,
  lineIds: string[],
): Promise<Map<string, Allocation>> {
  const ids = [...new Set(lineIds)].sort();
  await tx.$queryRaw`SELECT id FROM "BudgetLine" WHERE id = ANY(${ids}) ORDER BY id FOR UPDATE`;
  // A statement of its own, after the lock: its snapshot sees the payments of whoever held it.
  const rows = await tx.$queryRaw<{ id: string; amount: bigint; paid: bigint }[]>`
    SELECT l.id, l.amount,
      (SELECT COALESCE(sum(d.amount), 0)::bigint FROM "Disbursement" d WHERE d."budgetLineId" = l.id) AS paid
    FROM "BudgetLine" l WHERE l.id = ANY(${ids})`;
  return new Map(rows.map((row) => [row.id, { allocated: BigInt(row.amount), paid: BigInt(row.paid) }]));
}
