/**
 * `npm run db:migration -- <name>`: writes the next migration from the difference between
 * the migrated database (DATABASE_URL, or the embedded one under .data/) and schema.prisma.
 */
import { createMigration } from "../db/migrations";
import { withDatabase } from "./with-database";

const name = process.argv.slice(2).find((arg) => !arg.startsWith("-"));
if (!name) {
  console.error("Usage: npm run db:migration -- <name>");
  process.exit(2);
}

await withDatabase(async (url) => {
  const dir = await createMigration(url, name);
  console.log(dir ? `Wrote ${dir}/migration.sql` : "schema.prisma matches the migrations: nothing to write.");
});
