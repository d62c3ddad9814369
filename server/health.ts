import { getDb, isEmbeddedDatabase } from "./db/client";

export async function checkHealth() {
  const started = performance.now();
  try {
    await getDb().$queryRaw`SELECT 1`;
    return {
      status: "ok" as const,
      database: { status: "ok" as const, embedded: isEmbeddedDatabase(), latencyMs: Math.round(performance.now() - started) },
    };
  } catch {
    return { status: "error" as const, database: { status: "unreachable" as const, embedded: isEmbeddedDatabase() } };
  }
}
