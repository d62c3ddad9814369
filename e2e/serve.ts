/**
 * Starts the real server for the browser tests as a newcomer's `npm start` would: on a fresh
 * embedded PGlite in a temporary folder, migrated and seeded on start. (The integration tests
 * cover PostgreSQL; set E2E_SERVER_DATABASE=1 to run the browser tests on a fresh database of
 * the local PostgreSQL of TEST_DATABASE_URL instead.)
 */
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createTestDatabase } from "../tests/test-database";

if (process.env.E2E_SERVER_DATABASE !== "1") {
  delete process.env.TEST_DATABASE_URL;
  delete process.env.DATABASE_URL;
}
const db = await createTestDatabase("chungtay_e2e");
process.env.DATABASE_URL = db.url;
if (db.embedded) process.env.CHUNGTAY_EMBEDDED_DB = "1";
process.env.CHUNGTAY_DATA_DIR = await mkdtemp(path.join(os.tmpdir(), "chungtay-e2e-data-"));
process.on("exit", () => void db.drop());
await import("../server/main");
