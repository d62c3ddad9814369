import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { criteriaSets } from "./criteria-sets";
import { programmes } from "./programmes";

/**
 * Loads the national reference data (the programmes and the criteria sets with their criteria)
 * into a database: only what is missing, by natural key (ON CONFLICT DO NOTHING), so running it
 * at every start is cheap, safe for instances starting together, and never undoes what an admin
 * completed on the Criteria page. Returns the number of records created.
 */
export async function loadReferenceData(db: Db | Prisma.TransactionClient): Promise<number> {
  let created = (await db.program.createMany({ data: programmes, skipDuplicates: true })).count;
  created += (
    await db.criteriaSet.createMany({ data: criteriaSets.map(({ criteria: _, ...set }) => set), skipDuplicates: true })
  ).count;
  const setIdByCode = new Map(
    (
      await db.criteriaSet.findMany({
        where: { code: { in: criteriaSets.map((s) => s.code) } },
        select: { id: true, code: true },
      })
    ).map((s) => [s.code, s.id]),
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
  return created;
}
