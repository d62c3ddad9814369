import { auth } from "@/server/auth";
import { issueCollabToken } from "@/server/collab/token";
import { getDb } from "@/server/db/client";
import { loadActor } from "@/server/policies/actor";

export const dynamic = "force-dynamic";

/** A short-lived token for the collaboration socket, for the signed-in user. */
export async function POST() {
  const session = await auth();
  const actor = session?.user?.id ? await loadActor(getDb(), session.user.id) : null;
  if (!actor) return Response.json({ error: "errors.unauthorized" }, { status: 401 });
  const { token, expiresAt } = await issueCollabToken(actor.userId);
  return Response.json({ token, expiresAt }, { headers: { "Cache-Control": "no-store" } });
}
