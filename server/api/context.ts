import { auth } from "../auth";
import { getDb } from "../db/client";
import { loadActor } from "../policies/actor";
import type { Context } from "./trpc";

/** The request's context: the database and the signed-in actor (null when signed out or disabled). */
export async function createContext(): Promise<Context> {
  const db = getDb();
  const session = await auth();
  const actor = session?.user?.id ? await loadActor(db, session.user.id) : null;
  return { db, actor };
}
