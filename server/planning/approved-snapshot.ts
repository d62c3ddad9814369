import type { Prisma } from "../db/generated/client";
import { toJsonValue } from "../db/json";
import { sumBigInt } from "./figures";

/**
 * The plan's structured content as it stands, kept with the approval step: after an
 * amendment reopens the plan, what the leader approved can still be read as it was.
 */
export async function snapshotPlanning(tx: Prisma.TransactionClient, planId: string): Promise<Prisma.InputJsonValue> {
  const where = { planId };
  // One after the other: the queries of a transaction share its one connection.
  const targets = await tx.target.findMany({ where, include: { measurements: true }, orderBy: { createdAt: "asc" } });
  const milestones = await tx.milestone.findMany({
    where,
    include: { targets: { select: { id: true } }, shortages: { select: { id: true } } },
    orderBy: { startOn: "asc" },
  });
  const budgetLines = await tx.budgetLine.findMany({
    where,
    include: { disbursements: true },
    orderBy: { createdAt: "asc" },
  });
  const inKind = await tx.inKindContribution.findMany({ where, orderBy: { createdAt: "asc" } });
  const shortages = await tx.shortage.findMany({
    where,
    include: { milestones: { select: { id: true } }, budgetLines: { select: { id: true } } },
    orderBy: { createdAt: "asc" },
  });
  return toJsonValue({
    targets,
    milestones,
    budgetLines,
    inKind,
    shortages,
    allocated: sumBigInt(budgetLines.map((l) => l.amount)),
  });
}

/** What a timeline shows of a snapshot: how much it held. */
export function summarizeSnapshot(snapshot: Prisma.JsonValue | null) {
  if (!snapshot || typeof snapshot !== "object" || Array.isArray(snapshot)) return null;
  const count = (key: string) => (Array.isArray(snapshot[key]) ? (snapshot[key] as unknown[]).length : 0);
  return {
    targets: count("targets"),
    milestones: count("milestones"),
    shortages: count("shortages"),
    allocated: BigInt(String(snapshot.allocated ?? "0")),
  };
}
