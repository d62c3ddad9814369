import type { Prisma } from "../db/generated/client";
import { childPath } from "../policies/tree";
import type { PlannedUnit } from "../reference/province-tree";

const date = (iso: string | null | undefined) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** Splits units into generations so that each one's parent is in an earlier one (or already in the database). */
function generations(units: PlannedUnit[]): PlannedUnit[][] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const depth = new Map<string, number>();
  const depthOf = (unit: PlannedUnit): number => {
    const known = depth.get(unit.code);
    if (known !== undefined) return known;
    const parent = unit.parentCode ? byCode.get(unit.parentCode) : undefined;
    const d = parent ? depthOf(parent) + 1 : 0;
    depth.set(unit.code, d);
    return d;
  };
  const result: PlannedUnit[][] = [];
  for (const unit of units) (result[depthOf(unit)] ??= []).push(unit);
  return result.filter(Boolean);
}

/**
 * Creates the units that are missing, parents first, with their paths, dates and merges; a
 * parent named by code may also be a unit already in the database. Only what is missing is
 * created (by code) and a merge is only ever filled in, so running it again changes nothing.
 * Returns the number of units created.
 */
export async function insertUnitTree(db: Prisma.TransactionClient, units: PlannedUnit[]): Promise<number> {
  const known = new Map<string, { id: string; path: string; depth: number }>();
  const load = async (codes: string[]) => {
    const rows = await db.orgUnit.findMany({
      where: { code: { in: codes } },
      select: { id: true, code: true, path: true, depth: true },
    });
    for (const row of rows) known.set(row.code, row);
  };
  await load([...new Set(units.flatMap((u) => (u.parentCode ? [u.parentCode] : [])))]);

  let created = 0;
  for (const generation of generations(units)) {
    const data = generation.map((unit) => {
      const parent = unit.parentCode ? known.get(unit.parentCode) : null;
      if (unit.parentCode && !parent) throw new Error(`Unit ${unit.code}: no parent ${unit.parentCode}`);
      return {
        code: unit.code,
        name: unit.name,
        level: unit.level,
        parentId: parent?.id ?? null,
        path: childPath(parent?.path ?? null, unit.code),
        depth: parent ? parent.depth + 1 : 0,
        validFrom: date(unit.validFrom),
        validTo: date(unit.validTo),
      };
    });
    for (let i = 0; i < data.length; i += 2000)
      created += (await db.orgUnit.createMany({ data: data.slice(i, i + 2000), skipDuplicates: true })).count;
    await load(generation.map((u) => u.code));
  }

  const merges = units.filter((u) => u.mergedIntoCode);
  if (merges.length)
    await db.$executeRaw`
      UPDATE "OrgUnit" AS u SET "mergedIntoId" = target.id, "updatedAt" = now()
      FROM unnest(${merges.map((u) => u.code)}::text[], ${merges.map((u) => u.mergedIntoCode!)}::text[]) AS m(code, target_code)
      JOIN "OrgUnit" target ON target.code = m.target_code
      WHERE u.code = m.code AND u."mergedIntoId" IS NULL`;
  return created;
}
