import { runCommand } from "../commands/run-command";
import { hashPassword } from "../auth/password";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import type { PlannedUnit } from "../reference/province-tree";
import { insertFirstAdmin } from "../users/create-user";
import { generatePassword } from "../users/password-rule";
import { parseInput, ZUserCreate } from "../users/schemas";
import { insertUnitTree } from "./insert-unit-tree";

export interface FirstAdminInput {
  email: string;
  name: string;
  title?: string;
  /** Omitted: a strong one is generated and returned once. */
  password?: string;
}

/** A province is started on an empty database only: anything else would mix two trees. */
export const notEmpty = () => new DomainError("CONFLICT", "setup.errors.notEmpty");

/** Whether the database holds any unit, i.e. whether a province can still be started in it. */
export async function hasUnits(db: Db): Promise<boolean> {
  return (await db.orgUnit.count({ take: 1 })) > 0;
}

// 700 units and their merges take a few seconds on the embedded database.
const TRANSACTION_TIMEOUT_MS = 5 * 60 * 1000;

/**
 * Starts an empty database: creates the province's units (from the official lists or the
 * province's own file) and the first admin at the province, in one transaction, so that a
 * refusal or a failure leaves the database as empty as it was. Refused when the database
 * already holds units. Without a password one is generated and returned once.
 */
export async function startProvince(
  db: Db,
  { units, admin, source }: { units: PlannedUnit[]; admin: FirstAdminInput; source: Record<string, unknown> },
) {
  if (await hasUnits(db)) throw notEmpty();
  const roots = units.filter((u) => !u.parentCode);
  if (roots.length !== 1 || roots[0]!.level !== "province")
    throw new DomainError("BAD_REQUEST", "setup.errors.oneProvince");
  const root = roots[0]!;
  const { email, name, title, password } = parseInput(ZUserCreate, { ...admin, role: "admin", unit: root.code });

  const generatedPassword = password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(password ?? generatedPassword!);
  const { user, created, province } = await runCommand(
    db,
    null,
    async (tx, effects) => {
      // Two setups at once take turns; the second then finds the first's units.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('chungtay.start-province'))`;
      if (await tx.orgUnit.count({ take: 1 })) throw notEmpty();
      const created = await insertUnitTree(tx, units);
      const province = await tx.orgUnit.findUniqueOrThrow({
        where: { code: root.code },
        select: { id: true, code: true, name: true, path: true },
      });
      const user = await insertFirstAdmin(tx, effects, { email, name, title, passwordHash }, province.id);
      effects.audit({
        action: "units.init",
        entityType: "OrgUnit",
        entityId: province.id,
        after: { province: province.code, name: province.name, units: created, admin: user.email, ...source },
      });
      return { user, created, province };
    },
    { timeoutMs: TRANSACTION_TIMEOUT_MS },
  );
  return { user, generatedPassword, created, province };
}
