import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { contentOf, plainText } from "../../server/documents/content";
import { loadDocument } from "../../server/documents/storage";
import { createDb, type Db } from "../../server/db/client";
import { startEmbeddedDatabase } from "../../server/db/embedded";
import { applyMigrations } from "../../server/db/migrations";
import { createTestDatabase } from "../../tests/test-database";
import { buildActor, buildPlan, buildProgram, buildUnitTree } from "../../tests/factories";

export type CrashDatabaseKind = "postgresql" | "embedded";

export interface SeededPlan {
  planId: string;
  userId: string;
}

export interface CrashDatabase {
  kind: CrashDatabaseKind;
  /** What the collaboration server process needs in its environment to use this database. */
  env: Record<string, string>;
  /** Draft plans, each with a planner of its commune who may edit it. */
  plans: SeededPlan[];
  /** A plan's text as stored (compacted state plus the log); on the embedded database, read only while the server is down. */
  storedText(planId: string): Promise<string>;
  drop(): Promise<void>;
}

/**
 * The database a killed (or soaked) server writes to, seeded with `planCount` plans. On PostgreSQL it is a fresh
 * database of TEST_DATABASE_URL. The embedded one is a PGlite folder that the server process
 * itself opens (as `npm start` does without DATABASE_URL), so that kill -9 also cuts the embedded
 * database off mid-write; this process opens the folder only while the server is down.
 */
export async function createCrashDatabase(kind: CrashDatabaseKind, planCount = 1): Promise<CrashDatabase> {
  const seedPlans = async (db: Db) => {
    const plans: SeededPlan[] = [];
    for (let i = 0; i < planCount; i++) plans.push(await seedPlan(db));
    return plans;
  };
  if (kind === "postgresql") {
    const database = await createTestDatabase("chungtay_crash");
    const db = createDb(database.url, 2);
    const drop = async () => {
      await db.$disconnect();
      await database.drop();
    };
    const plans = await seedPlans(db).catch(async (error: unknown) => {
      await drop();
      throw error;
    });
    return {
      kind,
      env: { DATABASE_URL: database.url, CHUNGTAY_EMBEDDED_DB: "" },
      plans,
      storedText: (planId) => storedText(db, planId),
      drop,
    };
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "chungtay-crash-"));
  const withEmbedded = async <T>(read: (db: Db) => Promise<T>, migrate = false): Promise<T> => {
    const embedded = await startEmbeddedDatabase(path.join(dataDir, "pglite"));
    const db = createDb(embedded.url, 1);
    try {
      if (migrate) await applyMigrations(embedded.url);
      return await read(db);
    } finally {
      await db.$disconnect();
      await embedded.stop();
    }
  };
  const plans = await withEmbedded(seedPlans, true);
  return {
    kind,
    env: { DATABASE_URL: "", CHUNGTAY_EMBEDDED_DB: "", CHUNGTAY_DATA_DIR: dataDir },
    plans,
    storedText: (planId) => withEmbedded((db) => storedText(db, planId)),
    drop: () => rm(dataDir, { recursive: true, force: true }),
  };
}

async function seedPlan(db: Db): Promise<SeededPlan> {
  const tree = await buildUnitTree(db);
  const program = await buildProgram(db);
  const planner = await buildActor(db, "planner", [tree.commune]);
  const plan = await buildPlan(db, {
    unit: tree.commune,
    program,
    author: planner,
    title: "Kế hoạch kiểm thử sự cố máy chủ",
  });
  return { planId: plan.id, userId: planner.userId };
}

async function storedText(db: Db, planId: string): Promise<string> {
  const doc = await loadDocument(db, planId);
  try {
    return plainText(contentOf(doc));
  } finally {
    doc.destroy();
  }
}
