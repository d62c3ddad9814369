import { expect, test } from "@playwright/test";
import { runCrashLoop } from "../bench/crash-loop";

const CYCLES = Number(process.env.CRASH_CYCLES ?? 10);

/**
 * The crash loop of the benchmark, shorter: write until the server says saved, kill -9 the
 * collaboration server at a varying point (after an acknowledgement, inside a burst of typing,
 * while it compacts), restart it, and check that every acknowledged edit is in the database and
 * in a fresh editor. On PostgreSQL (with TEST_DATABASE_URL) and on the embedded database, which
 * the killed process itself holds open.
 */
const databases = process.env.TEST_DATABASE_URL ? (["postgresql", "embedded"] as const) : (["embedded"] as const);

for (const [i, database] of databases.entries()) {
  test(`no acknowledged edit is lost over ${CYCLES} kill -9 cycles (${database})`, async () => {
    test.setTimeout(60_000 + CYCLES * 15_000);
    const result = await runCrashLoop({ cycles: CYCLES, database, port: 3320 + i });
    console.log(
      `crash loop (${database}, seed ${result.seed}): ${result.acknowledged} acknowledged of ${result.typed} typed, ` +
        `${result.losses.length} lost, restart p50 ${result.restartMs.p50} ms · p95 ${result.restartMs.p95} ms`,
    );
    expect(result.losses, `lost edits (replay with CRASH_SEED=${result.seed})`).toEqual([]);
    // Every cycle waits for at least one acknowledgement, so the check above had something to check.
    expect(result.acknowledged).toBeGreaterThanOrEqual(CYCLES);
    expect(result.restartMs.n).toBe(CYCLES + 1);
  });
}
