import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { auth } from "../auth";
import { getDb } from "../db/client";
import { loadActor } from "../policies/actor";
import type { Context } from "./trpc";

/** The request's context: the database and the signed-in actor (null when signed out or disabled). */
export async function createContext(): Promise<Context> {
  const db = getDb();
  const userId = await sessionUserId();
  const actor = userId ? await loadActor(db, userId) : null;
  return { db, actor };
}

const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];
const REMEMBER_MS = 60_000;
const MAX_REMEMBERED = 10_000;
const verified = new Map<string, { userId: string; until: number }>();

/**
 * Whose session the request carries. Verifying a session token (next-auth decrypts it, runs the
 * callbacks, and encrypts a renewed one it then throws away) was the largest cost of a list
 * request, so a token that next-auth accepted is remembered for a minute, never past its own
 * expiry. A token is immutable (changing it breaks its encryption), so this answers exactly as
 * next-auth would; the actor is still loaded on every request, so a disabled user or a changed
 * role takes effect at once.
 */
async function sessionUserId(): Promise<string | null> {
  const jar = await cookies();
  const name = SESSION_COOKIES.find((candidate) => jar.has(candidate));
  const token = name ? jar.get(name)?.value : undefined;
  const now = Date.now();
  const remembered = token ? verified.get(token) : undefined;
  if (remembered && remembered.until > now) return remembered.userId;
  if (remembered) verified.delete(token!);

  const userId = (await auth())?.user?.id ?? null;
  if (token && name && userId) {
    const payload = await decode({ token, secret: process.env.AUTH_SECRET!, salt: name }).catch(() => null);
    if (payload?.exp) {
      if (verified.size >= MAX_REMEMBERED) verified.delete(verified.keys().next().value!);
      verified.set(token, { userId, until: Math.min(now + REMEMBER_MS, payload.exp * 1000) });
    }
  }
  return userId;
}
