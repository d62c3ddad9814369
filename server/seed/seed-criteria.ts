import type { Db } from "../db/client";
import { criteriaSets, demoAssessments2025 } from "../../prisma/seed-data/criteria-sets";

/** Loads the national criteria sets and the demo communes' 2025 results; only what is missing. */
export async function seedCriteria(db: Db, assessedById: string): Promise<number> {
  let created = (
    await db.criteriaSet.createMany({ data: criteriaSets.map(({ criteria: _, ...set }) => set), skipDuplicates: true })
  ).count;
  const setIdByCode = new Map(
    (await db.criteriaSet.findMany({ select: { id: true, code: true } })).map((s) => [s.code, s.id]),
  );
  const criteria = criteriaSets.flatMap((set) =>
    set.criteria.map(([name, nameEn], index) => ({
      setId: setIdByCode.get(set.code)!,
      number: index + 1,
      name,
      nameEn,
    })),
  );
  created += (await db.criterion.createMany({ data: criteria, skipDuplicates: true })).count;

  const communeSet = await db.criterion.findMany({
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
    communeSet.map((criterion) => ({
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
  created += (await db.criterionAssessment.createMany({ data: assessments, skipDuplicates: true })).count;
  return created;
}
