/** `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded database. */
import { applyMigrations } from "../db/migrations";
import { withDatabase } from "./with-database";

await withDatabase(async (url) => {
  const applied = await applyMigrations(url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
});
