import type { Db } from "../db/client";
import { demoAssessments2025 } from "../../prisma/seed-data/dien-bien";

/** The demo communes' 2025 results on the national commune set 2021–2025; only what is missing. */
export async function seedAssessments(db: Db, assessedById: string): Promise<number> {
  const criteria = await db.criterion.findMany({
    where: { set: { code: "NTM-XA-2021-2025" } },
    select: { id: true, number: true },
  });
  const units = new Map(
    (
      await db.orgUnit.findMany({
        where: { code: { in: demoAssessments2025.map((a) => a.unitCode) } },
        select: { id: true, code: true },
      })
    ).map((u) => [u.code, u.id]),
  );
  const assessments = demoAssessments2025.flatMap(({ unitCode, notMet, advanced = [] }) =>
    criteria.map((criterion) => ({
      unitId: units.get(unitCode)!,
      criterionId: criterion.id,
      period: "2025",
      result: notMet.includes(criterion.number)
        ? ("not_met" as const)
        : advanced.includes(criterion.number)
          ? ("advanced" as const)
          : ("met" as const),
      assessedById,
    })),
  );
  return (await db.criterionAssessment.createMany({ data: assessments, skipDuplicates: true })).count;
}
