import { performance } from "node:perf_hooks";
import { openTestEditor, type TestEditor } from "../e2e/support/collab-client";
import { issueCollabToken } from "../server/collab/token";
import { getDb } from "../server/db/client";
import { buildActor, buildPlan, buildProgram, buildUnitTree } from "../tests/factories";
import { startCollabServerProcess } from "./support/bench-child";
import { type LoadFleet, startLoadFleet } from "./support/load-fleet";
import { type BenchRow, percentiles } from "./stats";

/**
 * Keystroke → other editor: one editor types a character, and the time until another editor's
 * document holds it is measured, through the real collaboration server (authentication,
 * durable write before acknowledgement, broadcast) on loopback. The server runs in its own
 * process; the other editors of the plan (passive: they receive every keystroke) run in client
 * processes, half connected before the two measured editors and half after, so that the
 * measured reader is neither first nor last in the server's broadcast; the writer and the
 * reader are here, timed on one clock, and swap roles every sample.
 */
export async function benchKeystrokeLatency(editorsCounts = [2, 10, 100], samples = 200): Promise<BenchRow[]> {
  const db = getDb();
  const tree = await buildUnitTree(db);
  const program = await buildProgram(db);
  const planner = await buildActor(db, "planner", [tree.commune]);
  const server = await startCollabServerProcess("ours");
  const rows: BenchRow[] = [];
  try {
    for (const count of editorsCounts) {
      const plan = await buildPlan(db, { unit: tree.commune, program, author: planner });
      const token = (await issueCollabToken(planner.userId)).token;
      const passive = Math.max(0, count - 2);
      const fleets: LoadFleet[] = [];
      const openPassive = async (editors: number) => {
        if (editors > 0)
          fleets.push(
            await startLoadFleet(1, {
              kind: "ours",
              baseURL: server.baseURL,
              documents: [plan.id],
              editorsPerDocument: editors,
              userId: planner.userId,
            }),
          );
      };
      let measured: TestEditor[] = [];
      const latencies: number[] = [];
      // How busy the server's event loop was while sampling: near 1 means the server limits.
      let serverLoop = NaN;
      try {
        await openPassive(Math.floor(passive / 2));
        measured = [openTestEditor(server.baseURL, plan.id, token), openTestEditor(server.baseURL, plan.id, token)];
        await Promise.all(measured.map((e) => e.authenticated));
        await openPassive(passive - Math.floor(passive / 2));
        const connected = 2 + fleets.reduce((sum, fleet) => sum + fleet.ready.ready, 0);
        if (connected !== count) throw new Error(`only ${connected} of ${count} editors connected`);
        measured[0]!.type("Bắt đầu.");
        await measured[0]!.saved();
        await until(measured[1]!, () => measured[1]!.text() === measured[0]!.text());
        await server.stats();
        for (let i = 0; i < samples; i++) {
          const writer = measured[i % 2]!;
          const reader = measured[(i + 1) % 2]!;
          const before = reader.text().length;
          const start = performance.now();
          const arrived = until(reader, () => reader.text().length > before);
          writer.type("a");
          await arrived;
          latencies.push(performance.now() - start);
        }
        serverLoop = (await server.stats()).eventLoopUtilization;
        // What the editors were told is saved must be stored.
        await Promise.all(measured.map((e) => e.saved()));
      } finally {
        for (const e of measured) e.close();
        await Promise.all(fleets.map((fleet) => fleet.stop()));
      }
      const figures = { ...percentiles(latencies), serverLoop };
      const goal = count >= 100 ? 25 : 10;
      rows.push({
        what: "keystroke → other editor (server path)",
        load: `${count} editors on one plan`,
        goal: `p95 ≤ ${goal} ms`,
        result: `p50 ${figures.p50} · p95 ${figures.p95} · p99 ${figures.p99} ms`,
        met: figures.p95 <= goal,
        figures,
      });
    }
  } finally {
    await server.stop();
  }
  return rows;
}

/** Resolves when `done` holds after an update reaches the editor's document, or fails after 10 s. */
function until(editor: TestEditor, done: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    if (done()) return resolve();
    const timer = setTimeout(() => {
      editor.doc.off("update", check);
      reject(new Error("timed out"));
    }, 10_000);
    const check = () => {
      if (!done()) return;
      clearTimeout(timer);
      editor.doc.off("update", check);
      resolve();
    };
    editor.doc.on("update", check);
  });
}
