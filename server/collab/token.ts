import { SignJWT, jwtVerify } from "jose";
import { currentSessionVersion } from "../auth/session-version";
import { type Db, getDb } from "../db/client";
import { authSecret } from "../config";

/**
 * Short-lived tokens for the collaboration socket. A signed-in browser (or a Node client in
 * tests) gets one from POST /api/collab/token and presents it when it opens a document; the
 * socket trusts nothing else. Signed with the same AUTH_SECRET as sessions, and carrying the
 * session version of the session that asked for it: ending that session ends the token too.
 */
const AUDIENCE = "chungtay:collab";
export const COLLAB_TOKEN_TTL_SECONDS = 10 * 60;

const key = () => new TextEncoder().encode(authSecret());

export async function issueCollabToken(
  userId: string,
  now = Date.now(),
  sessionVersion = 0,
): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(now + COLLAB_TOKEN_TTL_SECONDS * 1000);
  const token = await new SignJWT({ sv: sessionVersion })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key());
  return { token, expiresAt };
}

/** The user and session version in a genuine, unexpired token; null for a forged, expired or malformed one. */
export async function readCollabToken(
  token: string,
  now = Date.now(),
): Promise<{ userId: string; sessionVersion: number } | null> {
  try {
    const { payload } = await jwtVerify(token, key(), {
      audience: AUDIENCE,
      algorithms: ["HS256"],
      currentDate: new Date(now),
    });
    if (typeof payload.sub !== "string") return null;
    return { userId: payload.sub, sessionVersion: typeof payload.sv === "number" ? payload.sv : 0 };
  } catch {
    return null;
  }
}

/**
 * The user id of a token that is genuine, unexpired and issued under the user's current session
 * version (a sign-out, a password reset or disabling since refuses it); null otherwise.
 */
export async function verifyCollabToken(token: string, now = Date.now(), db: Db = getDb()): Promise<string | null> {
  const claim = await readCollabToken(token, now);
  if (!claim) return null;
  return (await currentSessionVersion(db, claim.userId)) === claim.sessionVersion ? claim.userId : null;
}
