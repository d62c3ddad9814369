/**
 * `npx tsx bench/explain-plan-list.ts`: what PostgreSQL does for each query of the plan list.
 * Seeds the plan-list bench's 10,000 plans into a fresh database, runs each of its filters as
 * the province leader, and prints EXPLAIN (ANALYZE, BUFFERS) of every SQL statement Prisma sent.
 */
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Db } from "../server/db/client";
import { PrismaClient } from "../server/db/generated/client";
import { listPlans } from "../server/plans/list-plans";
import { loadActor } from "../server/policies/actor";
import { createTestDatabase } from "../tests/test-database";
import { seedPlanList } from "./plan-list";

const database = await createTestDatabase("chungtay_explain");
const queries: { query: string; params: unknown[] }[] = [];
const logged = new PrismaClient({
  adapter: new PrismaPg({ connectionString: database.url, max: 1 }),
  omit: { user: { passwordHash: true }, plan: { searchTitle: true }, planDocument: { searchWords: true } },
  log: [{ emit: "event", level: "query" }],
});
logged.$on("query", (event) => queries.push({ query: event.query, params: JSON.parse(event.params) as unknown[] }));
// The app's client type; the logging option only widens Prisma's type parameters.
const db = logged as unknown as Db;
const client = new pg.Client({ connectionString: database.url });
try {
  const { leaderId, filters } = await seedPlanList(db, Number(process.argv[2] ?? 10_000));
  const actor = (await loadActor(db, leaderId))!;
  await client.connect();
  for (const filter of filters) {
    queries.length = 0;
    await listPlans(db, actor, { ...filter, pageSize: 20 });
    console.log(`\n=== ${JSON.stringify(filter)}: ${queries.length} statements`);
    for (const { query, params } of queries) {
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${query}`, params);
      // Long IN lists are cut: their parameters are in the plan's own condition anyway.
      console.log(
        `\n${query.length > 600 ? `${query.slice(0, 600)}…` : query}\n${rows.map((row) => row["QUERY PLAN"]).join("\n")}`,
      );
    }
  }
} finally {
  await client.end();
  await logged.$disconnect();
  await database.drop();
}
