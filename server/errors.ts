/**
 * A failure the domain reports on purpose. It carries a message key (translated in the UI,
 * see messages/*.json → errors) and optional field errors, and knows nothing of tRPC or HTTP:
 * the API layer maps it once, in its error formatter.
 */
export type DomainErrorCode =
  "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "BAD_REQUEST" | "TOO_MANY_REQUESTS";

export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly messageKey: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(messageKey);
    this.name = "DomainError";
  }
}

export const notFound = () => new DomainError("NOT_FOUND", "errors.notFound");
export const forbidden = () => new DomainError("FORBIDDEN", "errors.forbidden");
export const invalidFields = (fieldErrors: FieldErrors) =>
  new DomainError("BAD_REQUEST", "errors.invalidFields", fieldErrors);
