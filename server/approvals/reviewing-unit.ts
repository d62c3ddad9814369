import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { REVIEWERS } from "../policies";
import { pathAndAncestors } from "../policies/tree";

type Client = Pick<Prisma.TransactionClient, "orgUnit" | "membership"> | Db;

const activeReviewers = {
  role: { in: [...REVIEWERS] },
  user: { disabledAt: null },
} satisfies Prisma.MembershipWhereInput;

/**
 * The unit a plan is submitted to: the nearest unit above the issuing unit where an active
 * leader or admin holds their role. Before the 2025 reform that is the district for a commune,
 * after it the province (there are no districts); for a department, the unit it serves. Null
 * when no unit above has a reviewer.
 */
export async function reviewingUnitOf(db: Client, issuingUnit: { path: string }) {
  const above = pathAndAncestors(issuingUnit.path).slice(0, -1);
  return db.orgUnit.findFirst({
    where: { path: { in: above }, memberships: { some: activeReviewers } },
    orderBy: { depth: "desc" },
    select: { id: true, path: true },
  });
}

/** Who is told that a plan waits for them: the active reviewers of the unit it was submitted to, leaders first. */
export async function reviewersAt(db: Client, unitId: string): Promise<string[]> {
  const memberships = await db.membership.findMany({
    where: { unitId, ...activeReviewers },
    select: { userId: true },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
  return [...new Set(memberships.map((m) => m.userId))];
}
