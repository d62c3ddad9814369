import type { Db } from "../db/client";
import { z } from "zod";
import { DomainError, type FieldErrors, invalidFields } from "../errors";
import { officialProvinces } from "../reference/official-provinces";
import { provinceTree } from "../reference/province-tree";
import { hasActiveAdmin } from "../users/create-user";
import { ZUserCreate } from "../users/schemas";
import { isSetupToken } from "./setup-token";
import { type FirstAdminInput, startProvince } from "./start-province";

export interface TFirstRunSetup {
  token: string;
  provinceCode: string;
  beforeReform: boolean;
  admin: FirstAdminInput;
}

/** The first run's setup is refused without the token, and always once an admin exists. */
export async function setupAllowed(db: Db, token: unknown): Promise<boolean> {
  return isSetupToken(token) && !(await hasActiveAdmin(db));
}

/**
 * The browser's first run: with the printed token, starts the chosen province from the
 * official lists and creates the first admin with the password they chose.
 */
export async function setUpFromOfficialList(db: Db, input: TFirstRunSetup) {
  if (!(await setupAllowed(db, input.token))) throw new DomainError("FORBIDDEN", "setup.refused");
  const province = officialProvinces().find((p) => p.code === input.provinceCode);
  // Every field's problem at once, as the form shows them side by side.
  const fieldErrors: FieldErrors = {};
  if (!province) fieldErrors.province = ["setup.errors.provinceRequired"];
  const admin = ZUserCreate.safeParse({ ...input.admin, role: "admin", unit: province?.code ?? "-" });
  if (!admin.success) Object.assign(fieldErrors, z.flattenError(admin.error).fieldErrors);
  // The page asks for a password of the admin's own; only the command line generates one.
  if (!input.admin.password) fieldErrors.password = ["validation.required"];
  if (!province || Object.keys(fieldErrors).length) throw invalidFields(fieldErrors);
  const { units, counts } = provinceTree(province.code, { beforeReform: input.beforeReform });
  return startProvince(db, {
    units,
    admin: input.admin,
    source: { source: "official", beforeReform: input.beforeReform, counts },
  });
}
