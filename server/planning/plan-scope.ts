import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { invalidFields } from "../errors";
import { parentPath } from "../policies/tree";

/**
 * The units a plan's records may point at (a milestone's owner, a shortage's commune or
 * school): the issuing unit and everything beneath it; for a department's plan, everything
 * beneath the unit the department serves.
 */
export function planScopeWhere(issuingUnit: { path: string; level: string }): Prisma.OrgUnitWhereInput {
  const root = issuingUnit.level === "agency" ? parentPath(issuingUnit.path) : issuingUnit.path;
  return { path: { startsWith: root } };
}

export async function assertUnitInScope(
  db: Pick<Db, "orgUnit">,
  unitId: string,
  issuingUnit: { path: string; level: string },
  field: string,
) {
  const unit = await db.orgUnit.findFirst({
    where: { id: unitId, ...planScopeWhere(issuingUnit) },
    select: { id: true },
  });
  if (!unit) throw invalidFields({ [field]: ["validation.unitOutOfScope"] });
}

/** Linked records must belong to the same plan; anything else is a bad request on that field. */
export async function assertSamePlan(count: Promise<number>, expected: number, field: string) {
  if ((await count) !== expected) throw invalidFields({ [field]: ["validation.notInPlan"] });
}

/** Prisma's many-to-many input for a list of ids: `connect` when creating, `set` when replacing. */
export const relate = (ids: string[], mode: "connect" | "set") => ({ [mode]: ids.map((id) => ({ id })) });
