import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { ZodError, z } from "zod";
import { DomainError } from "../server/errors";

/** The domain error a call of the domain layer fails with: its code, message and field errors. */
export async function refused(call: Promise<unknown>) {
  const error = await call.then(
    () => expect.fail("the call should have been refused"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  const { code, messageKey, fieldErrors } = error as DomainError;
  return { code, messageKey, fieldErrors };
}

/**
 * What a refused call tells the client: the tRPC code and the field errors, taken from the
 * cause the same way the error formatter (server/api/trpc.ts) does.
 */
export async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => expect.fail("the call should have been refused"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const { code, cause } = error as TRPCError;
  const fieldErrors =
    cause instanceof ZodError
      ? z.flattenError(cause).fieldErrors
      : cause instanceof DomainError
        ? cause.fieldErrors
        : undefined;
  return { code, fieldErrors };
}
