import type { Prisma } from "./generated/client";

/** A value as plain JSON for a Json column. Money is bigint, which JSON cannot hold: it is kept as its exact decimal string. */
export const toJsonValue = (value: unknown): Prisma.InputJsonValue =>
  JSON.parse(JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v))) as Prisma.InputJsonValue;
