/** `npm run db:seed`: migrates the configured database and seeds the demo province into it. */
import { withDatabase } from "../server/cli/with-database";
import { createDb } from "../server/db/client";
import { prepareDatabase } from "../server/reference/prepare-database";
import { seedDemoOnStart } from "../server/seed/demo-on-start";

await withDatabase(async (url) => {
  const db = createDb(url, 1);
  try {
    await prepareDatabase(url, db);
    const { created, note } = await seedDemoOnStart(db);
    if (note) console.log(note);
    else console.log(created ? `Seeded ${created} records.` : "The demo data is already there.");
  } finally {
    await db.$disconnect();
  }
});
