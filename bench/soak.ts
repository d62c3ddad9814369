import { randomBytes } from "node:crypto";
import * as Y from "yjs";
import type { TestEditor } from "../e2e/support/collab-client";
import { type CollabProcess, startCollabProcess } from "./support/crash-collab-process";
import { type CrashDatabaseKind, createCrashDatabase } from "./support/crash-database";
import { openSyncedEditor } from "./support/crash-editor";
import { connectInspectorHeap, type InspectorHeap } from "./support/inspector-heap";
import { memoryTrend } from "./support/soak-memory";
import { soakWriter } from "./support/soak-writer";
import type { BenchRow } from "./stats";

export interface SoakOptions {
  seconds: number;
  port: number;
  database: CrashDatabaseKind;
  editors?: number;
  plans?: number;
  keystrokesPerSecond?: number;
  log?: (line: string) => void;
}

export interface SoakResult {
  seconds: number;
  editors: number;
  plans: number;
  keystrokes: number;
  acknowledged: number;
  /** Markers never acknowledged, 20 s after typing stopped. */
  failedSaves: number;
  /** Acknowledged markers missing from the database at the end. */
  lost: number;
  socketErrors: number;
  /** Markers acknowledged one check earlier (5 s) but not yet at the plan's reader. */
  lateAtReader: number;
  /** Plans whose editors and reader did not end with the same document. */
  diverged: number;
  serverErrors: string[];
  /** The live heap's trend (what decides), with resident memory at the start and end for reference. */
  memory: ReturnType<typeof memoryTrend> & { samples: number; rssStartMB: number; rssEndMB: number };
  passed: boolean;
}

const HEAP_SAMPLE_MS = 5000;
const CHECK_MS = 5000;

/**
 * A bounded soak of the collaboration server (the standalone process, so that its memory is
 * its own): `editors` writers on `plans` plans type a few characters a second each for
 * `seconds`, while a reader per plan checks that what was acknowledged reaches it. Samples the
 * server's live heap every 5 s through its inspector and counts errors: saves never
 * acknowledged, sockets closed under an editor, stderr lines of the server with "Error", late or
 * diverging readers, and acknowledged edits missing from the database at the end. Passes when
 * the live heap is flat (see memoryTrend) and every count is zero.
 */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const {
    seconds,
    port,
    database,
    editors: editorCount = 20,
    plans: planCount = 5,
    keystrokesPerSecond = 3,
    log = () => {},
  } = options;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
  const db = await createCrashDatabase(database, planCount);
  let server: CollabProcess | null = null;
  let inspector: InspectorHeap | null = null;
  const open: TestEditor[] = [];
  const timers = new Set<NodeJS.Timeout>();
  try {
    server = await startCollabProcess(port, { ...db.env, AUTH_SECRET: process.env.AUTH_SECRET }, { inspect: true });
    inspector = await connectInspectorHeap(server.inspectorURL()!);
    const { baseURL } = server;
    const writers: { planId: string; editor: TestEditor; writer: ReturnType<typeof soakWriter> }[] = [];
    for (let i = 0; i < editorCount; i++) {
      const plan = db.plans[i % planCount]!;
      const editor = await openSyncedEditor(baseURL, plan);
      open.push(editor);
      writers.push({ planId: plan.planId, editor, writer: soakWriter(editor, `w${i}`) });
    }
    const readers = new Map<string, TestEditor>();
    for (const plan of db.plans) {
      const reader = await openSyncedEditor(baseURL, plan);
      open.push(reader);
      readers.set(plan.planId, reader);
    }

    let typingErrors = 0;
    let running = true;
    for (const { writer } of writers) {
      const tick = () => {
        if (!running) return;
        try {
          writer.press();
        } catch {
          typingErrors++;
        }
        const timer = setTimeout(tick, (1000 / keystrokesPerSecond) * (0.5 + Math.random()));
        timers.add(timer);
        timer.unref();
      };
      setTimeout(tick, Math.random() * 1000);
    }

    const late = new Set<string>();
    let ackedBefore = new Map<string, string[]>();
    let samplingFailed = 0; // the process or its inspector is gone
    const rssStart = server.rssBytes();
    const heap: number[] = [];
    let sampling = Promise.resolve();
    const heapSampler = setInterval(() => {
      sampling = sampling.then(() =>
        inspector!.liveHeapBytes().then(
          (bytes) => void heap.push(bytes),
          () => void samplingFailed++,
        ),
      );
    }, HEAP_SAMPLE_MS);
    const checker = setInterval(() => {
      const ackedNow = new Map<string, string[]>();
      for (const { planId, writer } of writers)
        ackedNow.set(planId, [...(ackedNow.get(planId) ?? []), ...writer.acknowledged()]);
      for (const [planId, markers] of ackedBefore) {
        const text = readers.get(planId)!.text();
        for (const marker of markers) if (!text.includes(marker)) late.add(marker);
      }
      ackedBefore = ackedNow;
    }, CHECK_MS);
    const started = Date.now();
    while (Date.now() - started < seconds * 1000) {
      await sleep(1000);
      log(
        `${Math.round((Date.now() - started) / 1000)}/${seconds} s, live heap ${mb(heap.at(-1))} MB, ${writers.reduce((n, w) => n + w.writer.keystrokes(), 0)} keystrokes`,
      );
    }
    running = false;
    const rssEnd = server.rssBytes();
    clearInterval(heapSampler);
    await sampling;
    clearInterval(checker);

    const pendingAfter = async (ms: number) => {
      const deadline = Date.now() + ms;
      while (writers.some((w) => w.writer.pendingMarkers().length) && Date.now() < deadline) await sleep(200);
      return writers.reduce((n, w) => n + w.writer.pendingMarkers().length, 0);
    };
    const failedSaves = await pendingAfter(20_000);
    const sameState = (planId: string) => {
      const docs = [...writers.filter((w) => w.planId === planId).map((w) => w.editor), readers.get(planId)!];
      const text = docs[0]!.text();
      return docs.every(
        (d) =>
          d.text() === text && Y.encodeStateVector(d.doc).toString() === Y.encodeStateVector(docs[0]!.doc).toString(),
      );
    };
    const convergeDeadline = Date.now() + 15_000;
    while (db.plans.some((p) => !sameState(p.planId)) && Date.now() < convergeDeadline) await sleep(200);
    const diverged = db.plans.filter((p) => !sameState(p.planId)).length;

    const acknowledged = new Map<string, string[]>();
    for (const { planId, writer } of writers)
      acknowledged.set(planId, [...(acknowledged.get(planId) ?? []), ...writer.acknowledged()]);
    for (const { writer } of writers) writer.expectClose();
    for (const editor of open.splice(0)) editor.close();
    inspector.close();
    await server.stop();
    const serverErrors = server.stderrLines().filter((line) => line.includes("Error"));
    let lost = 0;
    for (const [planId, markers] of acknowledged) {
      const stored = await db.storedText(planId);
      lost += markers.filter((m) => !stored.includes(m)).length;
    }
    const socketErrors = writers.reduce((n, w) => n + w.writer.socketErrors(), 0) + typingErrors + samplingFailed;
    const lateAtReader = late.size;
    const memory = { ...memoryTrend(heap), samples: heap.length, rssStartMB: mb(rssStart), rssEndMB: mb(rssEnd) };
    return {
      seconds,
      editors: editorCount,
      plans: planCount,
      keystrokes: writers.reduce((n, w) => n + w.writer.keystrokes(), 0),
      acknowledged: [...acknowledged.values()].reduce((n, m) => n + m.length, 0),
      failedSaves,
      lost,
      socketErrors,
      lateAtReader,
      diverged,
      serverErrors: serverErrors.slice(0, 20),
      memory,
      passed:
        memory.flat && !failedSaves && !lost && !socketErrors && !lateAtReader && !diverged && !serverErrors.length,
    };
  } finally {
    for (const timer of timers) clearTimeout(timer);
    for (const editor of open) editor.close();
    inspector?.close();
    await server?.crash();
    await db.drop();
  }
}

/** The soak as a benchmark row: 10 minutes (SOAK_SECONDS), on PostgreSQL when configured, else embedded. */
export async function benchSoak(seconds = Number(process.env.SOAK_SECONDS ?? 600)): Promise<BenchRow[]> {
  const database: CrashDatabaseKind = process.env.TEST_DATABASE_URL ? "postgresql" : "embedded";
  const result = await runSoak({
    seconds,
    port: 3322,
    database,
    log: (line) => process.stdout.write(`\rsoak ${line}   `),
  });
  process.stdout.write("\n");
  const m = result.memory;
  return [
    {
      what: "soak: steady editing, memory and errors",
      load: `${result.editors} editors on ${result.plans} plans, ${seconds} s, ${database === "postgresql" ? "PostgreSQL" : "embedded PGlite"}`,
      goal: "live heap flat (+max(3 MB, 5 %)), no errors, nothing lost",
      result:
        `live heap ${m.secondFifthMB} → ${m.lastFifthMB} MB (${m.growthMB >= 0 ? "+" : ""}${m.growthMB} MB), RSS ${m.rssStartMB} → ${m.rssEndMB} MB · ${result.keystrokes} keystrokes · ` +
        `errors: ${result.failedSaves} unsaved, ${result.socketErrors} socket, ${result.serverErrors.length} server, ${result.lateAtReader} late, ${result.diverged} diverged · ${result.lost} lost`,
      met: result.passed,
      figures: { ...result },
    },
  ];
}

const mb = (bytes = NaN) => Math.round((bytes / 2 ** 20) * 10) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
