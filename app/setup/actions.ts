"use server";

import { getDb } from "@/server/db/client";
import { DomainError, type FieldErrors } from "@/server/errors";
import { setUpFromOfficialList, type TFirstRunSetup } from "@/server/setup/set-up-from-official-list";

export type SetupResult = { ok: true } | { ok: false; messageKey: string; fieldErrors?: FieldErrors };

/** The setup form's one action: the domain decides, the form shows its message keys field by field. */
export async function setUpProvince(input: TFirstRunSetup): Promise<SetupResult> {
  try {
    await setUpFromOfficialList(getDb(), input);
    return { ok: true };
  } catch (error) {
    if (error instanceof DomainError)
      return { ok: false, messageKey: error.messageKey, fieldErrors: error.fieldErrors };
    throw error;
  }
}
