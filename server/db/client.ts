import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { config } from "../config";

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { chungTayDb?: PrismaClient };

/** True when the app runs on the embedded PGlite database, which allows one session only. */
export const isEmbeddedDatabase = () => config().embeddedDatabase;

export function createDb(connectionString: string, maxConnections = isEmbeddedDatabase() ? 1 : 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: maxConnections });
  return new PrismaClient({
    adapter,
    omit: {
      user: { passwordHash: true, searchName: true },
      plan: { searchTitle: true },
      planDocument: { searchWords: true },
    },
  });
}

/**
 * The process-wide client. The custom server and the code Next bundles are separate module
 * graphs in one process, so the instance lives on globalThis to stay single.
 */
export function getDb(): PrismaClient {
  if (!globalForDb.chungTayDb) {
    const url = config().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`");
    globalForDb.chungTayDb = createDb(url);
  }
  return globalForDb.chungTayDb;
}

export async function disconnectDb() {
  await globalForDb.chungTayDb?.$disconnect();
  globalForDb.chungTayDb = undefined;
}
