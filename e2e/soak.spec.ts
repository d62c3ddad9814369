import { expect, test } from "@playwright/test";
import { runSoak } from "../bench/soak";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);

/**
 * The benchmark's soak, for a minute: 20 editors on 5 plans type steadily on the standalone
 * collaboration server while readers check that acknowledged edits reach them. Fails when the
 * server's live heap climbs past its warm-up, on any error (an edit never saved, a socket
 * closed, an "Error" on the server's stderr, a late or diverging reader), or when an
 * acknowledged edit is not stored.
 */
test(`a ${SECONDS} s soak of steady editing: memory flat, no errors, nothing lost`, async () => {
  test.setTimeout(SECONDS * 1000 + 180_000);
  const result = await runSoak({
    seconds: SECONDS,
    port: 3323,
    database: process.env.TEST_DATABASE_URL ? "postgresql" : "embedded",
  });
  const m = result.memory;
  console.log(
    `soak: ${result.keystrokes} keystrokes, ${result.acknowledged} markers acknowledged, live heap ${m.secondFifthMB} → ${m.lastFifthMB} MB over ${m.samples} samples, RSS ${m.rssStartMB} → ${m.rssEndMB} MB`,
  );
  expect(result.serverErrors).toEqual([]);
  expect({
    failedSaves: result.failedSaves,
    socketErrors: result.socketErrors,
    lateAtReader: result.lateAtReader,
    diverged: result.diverged,
    lost: result.lost,
  }).toEqual({ failedSaves: 0, socketErrors: 0, lateAtReader: 0, diverged: 0, lost: 0 });
  expect(m.flat, `live heap grew ${m.growthMB} MB (allowed ${m.allowedMB} MB)`).toBe(true);
  // Steady editing really happened: about 3 keystrokes a second per editor, and saves came back.
  expect(result.keystrokes).toBeGreaterThan(result.editors * SECONDS);
  expect(result.acknowledged).toBeGreaterThan(result.editors * Math.floor(SECONDS / 10));
  expect(result.passed).toBe(true);
});
