import { z } from "zod";
import { invalidFields, type FieldErrors } from "../errors";
import { ZPassword } from "./password-rule";

const email = z
  .string({ error: "validation.required" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "validation.email" }).max(200, { error: "validation.tooLong" }));
const name = z
  .string({ error: "validation.required" })
  .trim()
  .min(2, { error: "validation.required" })
  .max(200, { error: "validation.tooLong" });

const role = z.enum(["planner", "leader", "stakeholder", "admin"], { error: "validation.role" });
const unitCode = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .max(32, { error: "validation.unitUnknown" });
export const ZUserCreate = z.object({
  email,
  name,
  title: z.string().trim().max(200, { error: "validation.tooLong" }).default(""),
  role,
  /** Official code of the unit where the user holds the role. */
  unit: unitCode,
  /** Omitted: a strong one is generated and returned once. */
  password: ZPassword.optional(),
});
/** A role held at a unit (by its official code), to grant or to remove. */
export const ZMembership = z.object({ email, role, unit: unitCode });
export type TMembership = z.input<typeof ZMembership>;

export const ZPasswordReset = z.object({ email, password: ZPassword.optional() });
export const ZUserDisable = z.object({ email });

export type TUserCreate = z.input<typeof ZUserCreate>;
export type TPasswordReset = z.input<typeof ZPasswordReset>;
export type TUserDisable = z.input<typeof ZUserDisable>;

/**
 * Parses input in the domain rather than only in a procedure, because the CLI calls these
 * functions too; failures become the same field errors a form shows.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidFields(z.flattenError(result.error).fieldErrors as FieldErrors);
  return result.data;
}
