import { TRPCError, initTRPC } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Db } from "../db/client";
import { isInvalidValue } from "../db/invalid-value";
import { DomainError, type FieldErrors } from "../errors";
import type { Actor } from "../policies/actor";
import { RATE_LIMITS, takeRate } from "../security/rate-limit";

export interface Context {
  db: Db;
  actor: Actor | null;
  /**
   * Set for requests from clients (createContext): their mutations count against the per-user
   * rate. Server components, the CLI and tests call the routers in-process without it.
   */
  rateLimited?: boolean;
}

/**
 * Our own messages are keys ("errors.notFound", "imports.errors.fileType"). tRPC's own refusals
 * (an input superjson cannot read, an unknown path, a GET to a mutation) carry English
 * sentences that may quote internals, so those get the key of their code instead.
 */
const MESSAGE_KEY = /^[a-z][A-Za-z]*(\.[A-Za-z0-9]+)+$/;
const keyForCode: Partial<Record<TRPCError["code"], string>> = {
  UNAUTHORIZED: "errors.unauthorized",
  FORBIDDEN: "errors.forbidden",
  NOT_FOUND: "errors.notFound",
  CONFLICT: "errors.conflict",
};

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  /**
   * One mapping from domain and validation failures to what a client sees: a code, a message
   * key the interface translates, and field errors. Stack traces never leave the server.
   */
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    let messageKey =
      error.code === "INTERNAL_SERVER_ERROR"
        ? "errors.internal"
        : MESSAGE_KEY.test(error.message)
          ? error.message
          : (keyForCode[error.code] ?? "errors.invalidFields");
    let fieldErrors: FieldErrors | undefined;
    if (cause instanceof ZodError) {
      messageKey = "errors.invalidFields";
      fieldErrors = z.flattenError(cause).fieldErrors as FieldErrors;
    } else if (cause instanceof DomainError) {
      messageKey = cause.messageKey;
      fieldErrors = cause.fieldErrors;
    }
    return {
      message: messageKey,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        messageKey,
        fieldErrors,
      },
    };
  },
});

/** Domain errors become tRPC errors of the same meaning; anything else stays a 500. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.messageKey, cause });
  }
  if (!result.ok && isConcurrentChange(result.error.cause)) {
    throw new TRPCError({ code: "CONFLICT", message: "errors.conflict", cause: result.error.cause });
  }
  if (!result.ok && isInvalidValue(result.error.cause)) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "errors.invalidFields", cause: result.error.cause });
  }
  return result;
});

/**
 * Someone else changed the record between our check and our write: a unique key taken
 * (P2002) or a conditional update that found nothing to update (P2025).
 */
const isConcurrentChange = (error: unknown) =>
  typeof error === "object" && error !== null && ["P2002", "P2025"].includes((error as { code?: string }).code ?? "");

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(domainErrors);

/**
 * Signed-in users only; narrows the context to a present actor. A client's mutations count
 * against its user's rate (`RATE_LIMITS.mutations`, shared by every instance).
 */
export const protectedProcedure = publicProcedure.use(async ({ ctx, type, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "errors.unauthorized" });
  if (type === "mutation" && ctx.rateLimited) await takeRate(ctx.db, RATE_LIMITS.mutations, ctx.actor.userId);
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});
