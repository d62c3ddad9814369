import { inject } from "vitest";
import { createTestDatabase, type TestDatabase } from "./test-database";

/**
 * A database of a test's own, beside the run's shared one, for tests that need to know all
 * that a database holds (a restore target, the last admin). On a PostgreSQL server it is a new
 * database there. On the embedded run DATABASE_URL points at the run's PGlite, which serves
 * one database whatever name is asked for, so a new PGlite is started instead:
 * createTestDatabase reads the environment before its first await, so hiding the variable for
 * the call is enough.
 */
export function createIsolatedDatabase(prefix: string): Promise<TestDatabase> {
  if (!inject("embeddedDatabase")) return createTestDatabase(prefix);
  const shared = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  try {
    return createTestDatabase(prefix);
  } finally {
    process.env.DATABASE_URL = shared;
  }
}
