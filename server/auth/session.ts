import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import type { Db } from "../db/client";
import { type Actor, loadActor } from "../policies/actor";
import { authSecret } from "../config";

/** Who a session cookie names, and the session version it was issued under. */
export interface SessionClaim {
  userId: string;
  sessionVersion: number;
}

const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];
const REMEMBER_MS = 60_000;
const MAX_REMEMBERED = 10_000;
const verified = new Map<string, SessionClaim & { until: number }>();

/**
 * The session the request's cookie carries. Decrypting a session token (authenticated
 * encryption under AUTH_SECRET, as next-auth does) was a large cost of a list request, so a
 * token that decrypted is remembered for a minute, never past its own expiry. A token is
 * immutable (changing it breaks its encryption), so this answers exactly as decrypting would;
 * whether its version is still the user's is checked on every request, with the actor.
 */
export async function sessionClaim(): Promise<SessionClaim | null> {
  const jar = await cookies();
  const name = SESSION_COOKIES.find((candidate) => jar.has(candidate));
  const token = name ? jar.get(name)?.value : undefined;
  if (!token || !name) return null;
  const now = Date.now();
  const remembered = verified.get(token);
  if (remembered && remembered.until > now) return remembered;
  if (remembered) verified.delete(token);

  const payload = await decode({ token, secret: authSecret(), salt: name }).catch(() => null);
  if (!payload?.sub || !payload.exp) return null;
  const claim = { userId: payload.sub, sessionVersion: sessionVersionOf(payload) };
  if (verified.size >= MAX_REMEMBERED) verified.delete(verified.keys().next().value!);
  verified.set(token, { ...claim, until: Math.min(now + REMEMBER_MS, payload.exp * 1000) });
  return claim;
}

/** Sessions issued before versions existed carry none: they belong to version 0. */
export function sessionVersionOf(token: object): number {
  const { sv } = token as { sv?: unknown };
  return typeof sv === "number" ? sv : 0;
}

/**
 * The signed-in actor of the request and the version of its session, or null when signed out,
 * disabled, or when the session was ended since (sign-out, a password reset, disabling). The
 * actor is loaded afresh each time, in the one query that also reads the current version, so
 * an ended session is refused at its next request on every instance.
 */
export async function loadSessionActor(db: Db): Promise<{ actor: Actor; sessionVersion: number } | null> {
  const claim = await sessionClaim();
  const actor = claim ? await loadActor(db, claim.userId, { sessionVersion: claim.sessionVersion }) : null;
  return actor && claim ? { actor, sessionVersion: claim.sessionVersion } : null;
}
