/**
 * PostgreSQL refused a value the input checks let through: a NUL character in a text, a number
 * past its column's range (SQLSTATE class 22, "data exception", or Prisma's own codes for
 * them). That is the client's bad input, not the server's failure: callers answer 400.
 */
export function isInvalidValue(error: unknown): boolean {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } } | null;
  return (
    ["P2000", "P2006", "P2007", "P2020"].includes(e?.code ?? "") ||
    /^22/.test(e?.meta?.driverAdapterError?.cause?.originalCode ?? "")
  );
}
