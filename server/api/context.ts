import "server-only";
import { loadSessionActor } from "../auth/session";
import { getDb } from "../db/client";
import type { Context } from "./trpc";

/** The request's context: the database and the signed-in actor (null when signed out, disabled or ended). */
export async function createContext(): Promise<Context> {
  const db = getDb();
  const session = await loadSessionActor(db);
  return { db, actor: session?.actor ?? null, rateLimited: true };
}
