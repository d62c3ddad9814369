import path from "node:path";
import { startEmbeddedDatabase } from "./embedded";

export const DATA_DIR = path.resolve(process.env.CHUNGTAY_DATA_DIR ?? ".data");

export interface ResolvedDatabase {
  url: string;
  /** Where the data lives, for the console. */
  description: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL (PGlite) with its files under
 * .data/pglite, kept across restarts. Sets DATABASE_URL for the rest of the process.
 */
export async function resolveDatabase(): Promise<ResolvedDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const url = new URL(configured);
    return {
      url: configured,
      description: `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`,
      embedded: false,
      stop: async () => {},
    };
  }
  const dataDir = path.join(DATA_DIR, "pglite");
  const embedded = await startEmbeddedDatabase(dataDir);
  process.env.DATABASE_URL = embedded.url;
  process.env.CHUNGTAY_EMBEDDED_DB = "1";
  return {
    url: embedded.url,
    description: `embedded PostgreSQL (PGlite) in ${dataDir}`,
    embedded: true,
    stop: embedded.stop,
  };
}
