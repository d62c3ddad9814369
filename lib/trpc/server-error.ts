import { useTranslations } from "next-intl";

/** What the server says of a failed call: a message key, and message keys per field (see server/api/trpc.ts). */
export interface ServerVerdict {
  messageKey: string;
  fieldErrors: Record<string, string[]>;
}

/**
 * Reads a failed call once, whatever shape it failed in (a tRPC error carries `data`, anything
 * else only a message); null when there is no error. The one place the client parses errors.
 */
export function parseServerError(error: unknown): ServerVerdict | null {
  if (!error) return null;
  const { data, message } = error as {
    data?: { messageKey?: string; fieldErrors?: Record<string, string[]> } | null;
    message?: string;
  };
  return { messageKey: data?.messageKey ?? message ?? "errors.internal", fieldErrors: data?.fieldErrors ?? {} };
}

/**
 * A failed call in the reader's language: the whole call's message (or "fix the fields" when
 * fields are at fault) and each field's message. A key the catalogue lacks reads as an internal error.
 */
export function useServerError(error: unknown) {
  const t = useTranslations();
  const verdict = parseServerError(error);
  const translate = (key: string) => (t.has(key) ? t(key) : t("errors.internal"));
  const fieldKey = (name: string) => verdict?.fieldErrors[name]?.[0];
  return {
    verdict,
    translate,
    /** The call's message; "fix the fields below" when fields are at fault. */
    message: verdict
      ? Object.keys(verdict.fieldErrors).length
        ? t("form.fixErrors")
        : translate(verdict.messageKey)
      : null,
    /** The message of one field, or undefined. */
    fieldError: (name: string) => {
      const key = fieldKey(name);
      return key ? translate(key) : undefined;
    },
  };
}
