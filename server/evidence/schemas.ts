import { z } from "zod";
import { EVIDENCE_SUBJECTS } from "@/lib/domain/evidence";
import { type FieldErrors, invalidFields } from "../errors";

const id = z.string().min(1).max(64);

/** The form fields of an upload: what the file is evidence of. */
export const ZEvidenceSubject = z
  .object({ subjectType: z.enum(EVIDENCE_SUBJECTS, { error: "validation.required" }), subjectId: id })
  .transform(({ subjectType, subjectId }) => ({ type: subjectType, id: subjectId }));

export const ZEvidenceId = z.object({ id });
export const ZEvidencePlan = z.object({ planId: id });

/** Form fields parsed by `schema`, or the field errors its messages name (as tRPC reports them). */
export function parseFields<S extends z.ZodType>(schema: S, fields: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(fields);
  if (!parsed.success) throw invalidFields(z.flattenError(parsed.error).fieldErrors as FieldErrors);
  return parsed.data;
}
