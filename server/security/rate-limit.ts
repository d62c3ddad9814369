import type { Db } from "../db/client";
import { DomainError } from "../errors";

export interface RateRule {
  name: string;
  /** How much one subject may take per window. */
  limit: number;
  windowSeconds: number;
  /** What a refused client is told. */
  messageKey: string;
}

/**
 * Per-user limits, generous for a person and tight for a script: the probe that sent 200
 * `comments.add` calls in one request made 200 comments and 200 notifications in 2.3 s.
 */
export const RATE_LIMITS = {
  /** Changes through the API: a planner filling a table saves a cell a second at most. */
  mutations: { name: "mutations", limit: 120, windowSeconds: 60, messageKey: "errors.tooManyRequests" },
  /** Comments and replies. */
  comments: { name: "comments", limit: 20, windowSeconds: 60, messageKey: "errors.tooManyComments" },
  /** People notified by a user's mentions (a comment names at most 20). */
  mentions: { name: "mentions", limit: 100, windowSeconds: 60 * 60, messageKey: "errors.tooManyMentions" },
} satisfies Record<string, RateRule>;

/**
 * Takes `amount` from the subject's allowance under `rule`, or refuses with TOO_MANY_REQUESTS
 * and the rule's message key. Counted in PostgreSQL, in one INSERT … ON CONFLICT, so every
 * instance sees the same count and requests sent at once cannot all slip under the limit.
 * Windows are fixed (a burst at the turn of a window may reach twice the limit, briefly).
 */
export async function takeRate(db: Db, rule: RateRule, subject: string, amount = 1, now = new Date()): Promise<void> {
  if (amount <= 0) return;
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const expiresAt = new Date(windowStart.getTime() + windowMs);
  const [{ count }] = await db.$queryRaw<[{ count: number }]>`
    INSERT INTO "RateCounter" (key, "windowStart", count, "expiresAt")
    VALUES (${`${rule.name}:${subject}`}, ${windowStart}, ${amount}, ${expiresAt})
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = "RateCounter".count + EXCLUDED.count
    RETURNING count`;
  await sweepExpired(db, now);
  if (count > rule.limit) throw new DomainError("TOO_MANY_REQUESTS", rule.messageKey);
}

const SWEEP_EVERY_MS = 10 * 60_000;
let lastSweep = 0;

/** Drops expired counters, at most every ten minutes per process (an index makes it a short scan). */
async function sweepExpired(db: Db, now: Date) {
  if (now.getTime() - lastSweep < SWEEP_EVERY_MS) return;
  lastSweep = now.getTime();
  await db.rateCounter.deleteMany({ where: { expiresAt: { lt: now } } });
}
