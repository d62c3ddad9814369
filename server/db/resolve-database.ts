import path from "node:path";
import { startEmbeddedDatabase } from "./embedded";
import { config, publishDatabase } from "../config";

export interface ResolvedDatabase {
  url: string;
  /** Where the data lives, for the console. */
  description: string;
  /** The server (host:port/database) or the embedded database's folder. */
  location: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL (PGlite) with its files under
 * .data/pglite, kept across restarts, published for the rest of the process.
 */
export async function resolveDatabase(): Promise<ResolvedDatabase> {
  const { DATABASE_URL: configured, dataDir } = config();
  if (configured) {
    const url = new URL(configured);
    const location = `${url.hostname}:${url.port || 5432}${url.pathname}`;
    return {
      url: configured,
      description: `PostgreSQL at ${location}`,
      location,
      embedded: false,
      stop: async () => {},
    };
  }
  const pgliteDir = path.join(dataDir, "pglite");
  const embedded = await startEmbeddedDatabase(pgliteDir);
  publishDatabase(embedded.url, true);
  return {
    url: embedded.url,
    description: `embedded PostgreSQL (PGlite) in ${pgliteDir}`,
    location: pgliteDir,
    embedded: true,
    stop: embedded.stop,
  };
}
