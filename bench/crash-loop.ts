import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { TestEditor } from "../e2e/support/collab-client";
import { type CollabProcess, startCollabProcess } from "./support/crash-collab-process";
import { type CrashDatabaseKind, createCrashDatabase } from "./support/crash-database";
import { openSyncedEditor, trackAcknowledgements } from "./support/crash-editor";
import { type BenchRow, percentiles } from "./stats";

/**
 * Where the kill lands, in turn, so that the loop does not always cut the server at the same
 * point: right after an acknowledgement; in the middle of a burst of typing that is partly
 * acknowledged; just after the last editor left (the server compacts the log and saves an
 * automatic version then); and around the debounced store that compacts while editing pauses.
 */
const KILL_POINTS = ["after-ack", "mid-burst", "editor-left", "after-ack", "mid-burst", "debounced-store"] as const;
type KillPoint = (typeof KILL_POINTS)[number];

/** The server's store debounce (server/collab/server.ts): a pause this long starts a compaction. */
const STORE_DEBOUNCE_MS = 3000;

export interface CrashLoopLoss {
  cycle: number;
  edit: string;
  /** Missing from the stored rows read while the server was down, or from a fresh editor after the restart. */
  where: "database" | "editor";
}

export interface CrashLoopResult {
  database: CrashDatabaseKind;
  cycles: number;
  seed: number;
  acknowledged: number;
  typed: number;
  losses: CrashLoopLoss[];
  kills: Record<KillPoint, number>;
  /** Spawn until /health answers, per restart (ms). */
  restartMs: ReturnType<typeof percentiles>;
  /** A whole cycle: restart, verify, write, kill, check the database (ms). */
  cycleMs: ReturnType<typeof percentiles>;
}

/**
 * Write → acknowledge ("saved") → kill -9 → restart → verify, `cycles` times, on one plan.
 * An edit counts as acknowledged when a "saved" snapshot received before the process died
 * covers it; every acknowledged edit so far must be in the database (read while the server is
 * down) and in a fresh editor after the restart, or it is counted as a loss.
 *
 * The killed process is the standalone collaboration server (`server/collab/standalone.ts`),
 * the same Hocuspocus server, persistence and authentication the app serves on /collab, but
 * without Next. Measured side by side on the shared 2-core machine, it answered 1.8–3.8 s after
 * spawn where the full app (server/main.ts with the production build) took 7.5–13 s, so a cycle
 * is about four times faster while the edit path under test is the same code. Tokens are
 * signed here with the AUTH_SECRET given to the child.
 */
export async function runCrashLoop(options: {
  cycles: number;
  database: CrashDatabaseKind;
  port: number;
  seed?: number;
  log?: (line: string) => void;
}): Promise<CrashLoopResult> {
  const seed = options.seed ?? (Number(process.env.CRASH_SEED) || Math.floor(Math.random() * 2 ** 31));
  const random = seededRandom(seed);
  const log = options.log ?? (() => {});
  const db = await createCrashDatabase(options.database);
  // The tokens this process signs must verify in the child.
  process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
  const env = { ...db.env, AUTH_SECRET: process.env.AUTH_SECRET };
  const acked: string[] = [];
  const losses: CrashLoopLoss[] = [];
  const lose = (loss: CrashLoopLoss) => {
    // An edit lost once stays missing: counted at the first check that misses it.
    if (!losses.some((l) => l.edit === loss.edit)) losses.push(loss);
  };
  const kills = Object.fromEntries(KILL_POINTS.map((p) => [p, 0])) as Record<KillPoint, number>;
  const restartMs: number[] = [];
  const cycleMs: number[] = [];
  let typed = 0;
  let server: CollabProcess | null = null;
  let editor: TestEditor | null = null;
  try {
    for (let cycle = 0; cycle <= options.cycles; cycle++) {
      const started = performance.now();
      server = await startCollabProcess(options.port, env);
      restartMs.push(server.readyMs);
      editor = await openSyncedEditor(server.baseURL, db.plans[0]!);
      const text = editor.text();
      for (const edit of acked) if (!text.includes(edit)) lose({ cycle, edit, where: "editor" });
      if (cycle === options.cycles) break;

      const point = KILL_POINTS[cycle % KILL_POINTS.length]!;
      kills[point]++;
      const writer = trackAcknowledgements(editor);
      const type = (edit: string) => {
        editor!.type(edit);
        writer.typed(edit);
        typed++;
      };
      for (let i = 0, n = 1 + Math.floor(random() * 3); i < n; i++) {
        type(`[c${cycle}a${i}]`);
        await editor.saved();
      }
      if (point === "after-ack") {
        await sleep(random() < 0.5 ? 0 : random() * 20);
      } else if (point === "mid-burst") {
        // Keystrokes a few ms apart; the kill comes somewhere inside the burst.
        for (let i = 0, n = 3 + Math.floor(random() * 30); i < n; i++) {
          type(`[c${cycle}b${i}]`);
          await sleep(random() * 4);
        }
      } else if (point === "editor-left") {
        editor.provider.destroy();
        await sleep(random() * 40);
      } else {
        type(`[c${cycle}d]`);
        await editor.saved();
        await sleep(STORE_DEBOUNCE_MS - 20 + random() * 80);
      }
      await server.crash();
      acked.push(...writer.acknowledged());
      editor.close();
      editor = null;
      const stored = await db.storedText(db.plans[0]!.planId);
      for (const edit of acked) if (!stored.includes(edit)) lose({ cycle, edit, where: "database" });
      cycleMs.push(performance.now() - started);
      log(
        `cycle ${cycle + 1}/${options.cycles} (${point}): ready in ${Math.round(server.readyMs)} ms, ${acked.length} acknowledged, ${losses.length} lost`,
      );
    }
    await server?.stop();
  } finally {
    editor?.close();
    await server?.crash();
    await db.drop();
  }
  return {
    database: options.database,
    cycles: options.cycles,
    seed,
    acknowledged: acked.length,
    typed,
    losses,
    kills,
    restartMs: percentiles(restartMs),
    cycleMs: percentiles(cycleMs),
  };
}

/** The crash loop as benchmark rows: 100 cycles (CRASH_CYCLES), on PostgreSQL when configured and on the embedded database. */
export async function benchCrashLoop(cycles = Number(process.env.CRASH_CYCLES ?? 100)): Promise<BenchRow[]> {
  const databases: CrashDatabaseKind[] = process.env.TEST_DATABASE_URL ? ["postgresql", "embedded"] : ["embedded"];
  const rows: BenchRow[] = [];
  for (const [i, database] of databases.entries()) {
    const result = await runCrashLoop({
      cycles,
      database,
      port: 3320 + i,
      log: (line) => process.stdout.write(`\r${database} ${line}   `),
    });
    process.stdout.write("\n");
    rows.push({
      what: "crash loop: write → saved → kill -9 → restart → verify",
      load: `${cycles} cycles, ${database === "postgresql" ? "PostgreSQL" : "embedded PGlite"}`,
      goal: "0 acknowledged edits lost",
      result: `${result.losses.length} lost of ${result.acknowledged} acknowledged · restart-to-ready p50 ${Math.round(result.restartMs.p50)} · p95 ${Math.round(result.restartMs.p95)} ms · cycle p50 ${Math.round(result.cycleMs.p50)} ms`,
      met: result.losses.length === 0,
      figures: { ...result },
    });
  }
  return rows;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** mulberry32: the kill points of a failing run can be replayed with its seed (CRASH_SEED). */
function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
