import type { Db } from "../db/client";
import { viewablePlansWhere } from "../policies";
import type { Actor } from "../policies/actor";

/**
 * The plans the actor may see that an operator means by `ref`: a plan id, or the number and
 * symbol officials write ("2543/KH-SGDĐT", letter case aside). Different units may use the
 * same number and symbol ("45/KH-UBND" of two communes), so `unitCode` narrows to one issuing
 * unit; the caller decides what to do with several matches.
 */
export async function findPlansByReference(db: Db, actor: Actor, ref: string, unitCode?: string) {
  const slash = ref.indexOf("/");
  const match =
    slash > 0
      ? {
          number: ref.slice(0, slash).trim(),
          symbol: {
            equals: ref
              .slice(slash + 1)
              .trim()
              .normalize("NFC"),
            mode: "insensitive" as const,
          },
        }
      : { id: ref.trim() };
  return db.plan.findMany({
    where: { AND: [match, viewablePlansWhere(actor), unitCode ? { issuingUnit: { code: unitCode } } : {}] },
    select: { id: true, number: true, symbol: true, title: true, issuingUnit: { select: { code: true, name: true } } },
    orderBy: { issuingUnit: { code: "asc" } },
    take: 50,
  });
}
