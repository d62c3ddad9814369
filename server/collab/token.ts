import { SignJWT, jwtVerify } from "jose";

/**
 * Short-lived tokens for the collaboration socket. A signed-in browser (or a Node client in
 * tests) gets one from POST /api/collab/token and presents it when it opens a document; the
 * socket trusts nothing else. Signed with the same AUTH_SECRET as sessions.
 */
const AUDIENCE = "chungtay:collab";
export const COLLAB_TOKEN_TTL_SECONDS = 10 * 60;

const key = () => {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return new TextEncoder().encode(secret);
};

export async function issueCollabToken(userId: string, now = Date.now()): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(now + COLLAB_TOKEN_TTL_SECONDS * 1000);
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key());
  return { token, expiresAt };
}

/** The user id in a valid token, or null for a forged, expired or malformed one. */
export async function verifyCollabToken(token: string, now = Date.now()): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, key(), {
      audience: AUDIENCE,
      algorithms: ["HS256"],
      currentDate: new Date(now),
    });
    return typeof payload.sub === "string" ? payload.sub : null;
  } catch {
    return null;
  }
}
