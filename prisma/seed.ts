/** `npm run db:seed`: migrates and seeds the demo province into the configured database. */
import { withDatabase } from "../server/cli/with-database";
import { applyMigrations } from "../server/db/migrations";
import { createDb } from "../server/db/client";
import { seedDemo } from "../server/seed/seed-demo";

await withDatabase(async (url) => {
  await applyMigrations(url);
  const db = createDb(url, 1);
  try {
    const { created } = await seedDemo(db);
    console.log(created ? `Seeded ${created} records.` : "The demo data is already there.");
  } finally {
    await db.$disconnect();
  }
});
