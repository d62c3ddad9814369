import { loadSessionActor } from "@/server/auth/session";
import { issueCollabToken } from "@/server/collab/token";
import { getDb } from "@/server/db/client";
import { isCrossSiteWrite } from "@/server/security/same-origin";

export const dynamic = "force-dynamic";

/** A short-lived token for the collaboration socket, for the signed-in user, bound to their session. */
export async function POST(req: Request) {
  // The token opens the plan's document: another site must not obtain one with the user's cookie.
  if (isCrossSiteWrite(req)) return Response.json({ error: "errors.forbidden" }, { status: 403 });
  const session = await loadSessionActor(getDb());
  if (!session) return Response.json({ error: "errors.unauthorized" }, { status: 401 });
  const { token, expiresAt } = await issueCollabToken(session.actor.userId, Date.now(), session.sessionVersion);
  return Response.json({ token, expiresAt }, { headers: { "Cache-Control": "no-store" } });
}
