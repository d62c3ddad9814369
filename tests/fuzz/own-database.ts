import { afterAll, beforeAll } from "vitest";
import { disconnectDb } from "../../server/db/client";
import { createIsolatedDatabase } from "../isolated-database";
import type { TestDatabase } from "../test-database";

/**
 * Points the app's own database client (`getDb()`) at a fresh database for the whole test
 * file. Fuzz tests compare every table before and after, which only means something when no
 * other test file writes to the same database meanwhile.
 */
export function useOwnDatabase(prefix: string): { url: () => string } {
  let database: TestDatabase | undefined;
  let shared: string | undefined;
  beforeAll(async () => {
    database = await createIsolatedDatabase(prefix);
    await disconnectDb();
    shared = process.env.DATABASE_URL;
    process.env.DATABASE_URL = database.url;
  });
  afterAll(async () => {
    await disconnectDb();
    process.env.DATABASE_URL = shared;
    await database?.drop();
  });
  return { url: () => database!.url };
}
