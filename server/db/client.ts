import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { config } from "../config";

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { chungTayDb?: PrismaClient };

/** True when the app runs on the embedded PGlite database, which allows one session only. */
export const isEmbeddedDatabase = () => config().embeddedDatabase;

const pools = new WeakMap<PrismaClient, pg.Pool>();

/**
 * The connection pool under a client, for the one statement too hot for the ORM (the
 * collaboration log's group commit, see appendUpdatesDirectly). Shared with the client, so the
 * embedded database's single session is never asked for twice.
 */
export const poolOf = (db: PrismaClient): pg.Pool => pools.get(db)!;

export function createDb(connectionString: string, maxConnections = isEmbeddedDatabase() ? 1 : 10): PrismaClient {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const db: PrismaClient = new PrismaClient({
    adapter,
    omit: {
      user: { passwordHash: true, searchName: true },
      plan: { searchTitle: true },
      planDocument: { searchWords: true },
    },
  });
  pools.set(db, pool);
  return db;
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
