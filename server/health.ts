import { localCollab } from "./collab/local-instance";
import { getDb, isEmbeddedDatabase } from "./db/client";

/**
 * What a load balancer asks before sending users here: the database answers and, when documents
 * are shared with other instances, Redis does too (without it, a document not open here yet
 * would wait to load).
 */
export async function checkHealth() {
  const started = performance.now();
  const redisReady = localCollab()?.redisReady() ?? null;
  const redis = redisReady === null ? undefined : { status: redisReady ? ("ok" as const) : ("unreachable" as const) };
  try {
    await getDb().$queryRaw`SELECT 1`;
    return {
      status: redisReady === false ? ("error" as const) : ("ok" as const),
      database: {
        status: "ok" as const,
        embedded: isEmbeddedDatabase(),
        latencyMs: Math.round(performance.now() - started),
      },
      redis,
    };
  } catch {
    return {
      status: "error" as const,
      database: { status: "unreachable" as const, embedded: isEmbeddedDatabase() },
      redis,
    };
  }
}
