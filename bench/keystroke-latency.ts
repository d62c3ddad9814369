import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { openTestEditor, type TestEditor } from "../e2e/support/collab-client";
import { attachCollab } from "../server/collab/attach";
import { createCollabServer, drainCollabServer } from "../server/collab/server";
import { issueCollabToken } from "../server/collab/token";
import { getDb } from "../server/db/client";
import { buildActor, buildPlan, buildProgram, buildUnitTree } from "../tests/factories";
import { type BenchRow, percentiles } from "./stats";

/**
 * Keystroke → other editor: one editor types a character, and the time until another editor's
 * document holds it is measured, through the real collaboration server (authentication,
 * durable write before acknowledgement, broadcast) on loopback.
 */
export async function benchKeystrokeLatency(editorsCounts = [2, 10, 100], samples = 200): Promise<BenchRow[]> {
  const db = getDb();
  const tree = await buildUnitTree(db);
  const program = await buildProgram(db);
  const planner = await buildActor(db, "planner", [tree.commune]);
  const collab = createCollabServer({ name: "bench" });
  const server = createServer();
  attachCollab(server, collab);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const rows: BenchRow[] = [];
  try {
    for (const count of editorsCounts) {
      const plan = await buildPlan(db, { unit: tree.commune, program, author: planner });
      const token = (await issueCollabToken(planner.userId)).token;
      const editors: TestEditor[] = [];
      for (let i = 0; i < count; i++) editors.push(openTestEditor(baseURL, plan.id, token));
      await Promise.all(editors.map((e) => e.authenticated));
      editors[0]!.type("Bắt đầu.");
      await editors[0]!.saved();
      await waitFor(() => editors.every((e) => e.text().length === editors[0]!.text().length));
      const latencies: number[] = [];
      for (let i = 0; i < samples; i++) {
        const writer = editors[i % count]!;
        const reader = editors[(i + 1) % count]!;
        const before = reader.text().length;
        const start = performance.now();
        writer.type("a");
        await waitFor(() => reader.text().length > before);
        latencies.push(performance.now() - start);
      }
      for (const e of editors) e.close();
      const figures = percentiles(latencies);
      const goal = count >= 100 ? 25 : 10;
      rows.push({ what: "keystroke → other editor (server path)", load: `${count} editors on one plan`, goal: `p95 ≤ ${goal} ms`, result: `p50 ${figures.p50} · p95 ${figures.p95} · p99 ${figures.p99} ms`, met: figures.p95 <= goal, figures });
    }
  } finally {
    server.close();
    await drainCollabServer(collab);
  }
  return rows;
}

/** Polls on the event loop (each turn lets socket messages in) until `done` or 10 s. */
async function waitFor(done: () => boolean) {
  const deadline = performance.now() + 10_000;
  while (!done()) {
    if (performance.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setImmediate(resolve));
  }
}
