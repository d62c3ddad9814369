import { recordAuditEvent } from "../audit/record-audit-event";
import { LOCK_MINUTES } from "@/lib/domain/sign-in";
import type { Db } from "../db/client";

/**
 * Sign-in throttling per client address, across accounts. The account lock (lock-policy.ts)
 * stops guessing one account's password; this stops one client trying a few passwords on
 * each of many accounts. Failures are audit events (who tried which email from where), and the
 * count is a query over them, so every instance sharing the database sees the same number.
 */

/** Generous enough for an office behind one address where several people mistype. */
export const MAX_FAILED_SIGN_INS_PER_ADDRESS = 20;
export const ADDRESS_WINDOW_MINUTES = LOCK_MINUTES;

const ACTION = "auth.signInFailed";
const ENTITY_TYPE = "ClientAddress";

/**
 * The client's address from X-Forwarded-For: Next sets it from the socket when the request
 * has none, and a proxy in front appends the address it saw, so the last entry is the one
 * the nearest trusted hop reports.
 */
export function clientAddress(headers: Headers): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  return (hops.at(-1) ?? headers.get("x-real-ip") ?? "unknown").slice(0, 64);
}

/** True when the address has failed too often lately; its sign-ins are then refused unchecked. */
export async function isAddressThrottled(db: Db, address: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - ADDRESS_WINDOW_MINUTES * 60_000);
  const failures = await db.auditEvent.count({
    where: { entityType: ENTITY_TYPE, entityId: address, action: ACTION, at: { gte: since } },
  });
  return failures >= MAX_FAILED_SIGN_INS_PER_ADDRESS;
}

/** Records a refused sign-in from the address (a wrong password, a locked or disabled account). */
export async function recordFailedSignIn(db: Db, address: string, email: string, reason: string): Promise<void> {
  await recordAuditEvent(db, {
    actorId: null,
    action: ACTION,
    entityType: ENTITY_TYPE,
    entityId: address,
    after: { email: email.slice(0, 200), reason },
  });
}
