import { COMPACTION_DEBOUNCE_MS } from "../server/collab/server";
import { getDb } from "../server/db/client";
import { buildActor, buildPlan, buildProgram, buildUnitTree } from "../tests/factories";
import { type ServerKind, startCollabServerProcess } from "./support/bench-child";
import { countLostEdits, startLoadFleet } from "./support/load-fleet";
import { type BenchRow, percentiles } from "./stats";

export interface ThroughputOptions {
  documents: number;
  editorsPerDocument: number;
  /** Load-generating processes (not the server's). */
  clientProcesses: number;
  /** The latency bound both servers are held to: a rate counts as sustained only under it. */
  p95BoundMs: number;
  rates: number[];
  stepMs: number;
  /**
   * Between steps, at least this long; then until the server is idle. Every document pauses at
   * once there (in real use pauses are spread out), and our compaction after a pause, one
   * document at a time, would otherwise land on all of them in the next step.
   */
  pauseMs: number;
}

const defaults: ThroughputOptions = {
  documents: 500,
  editorsPerDocument: 3,
  clientProcesses: 2,
  p95BoundMs: 50,
  // Offered keystrokes per second over all editors, in steps of √2.
  rates: [250, 350, 500, 700, 1000, 1400, 2000, 2800, 4000, 5600, 8000, 11_200, 16_000],
  stepMs: 8000,
  pauseMs: COMPACTION_DEBOUNCE_MS + 1000,
};

interface Step {
  rate: number;
  updatesPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  missing: number;
  sustained: boolean;
  serverLoop: number;
  clientLoop: number;
}

/**
 * Throughput of our collaboration server against the y-websocket reference server, stock
 * Hocuspocus in memory and stock Hocuspocus with its Database extension (what the framework
 * costs, and what storing costs), on the same load: each server in its own process, the
 * editors in client processes, typing bursts (5 keystrokes 40 ms apart) at a rising offered rate. A rate is sustained when the p95 of
 * update → every other editor of the document stays within the bound, nothing is left
 * undelivered and the clients managed to offer it (a step that misses is run once more, so
 * that one noisy step does not end the ramp); the highest sustained rates are compared
 * (so at equal p95). Ours writes every update to PostgreSQL before acknowledging; afterwards
 * every edit acknowledged to its editors is looked up in the database.
 */
export async function benchCollabThroughput(overrides: Partial<ThroughputOptions> = {}): Promise<BenchRow[]> {
  const options = { ...defaults, ...overrides };
  const load = `${options.documents} documents × ${options.editorsPerDocument} editors, bursts of 5 keys, ${options.clientProcesses} client processes`;
  const reference = await measure("reference", options);
  const stock = await measure("hocuspocus", options);
  const stockDatabase = await measure("hocuspocus-database", options);
  const ours = await measure("ours", options);
  const best = (steps: Step[]) => steps.filter((s) => s.sustained).at(-1);
  const refBest = best(reference.steps);
  const ratioOf = (steps: Step[]) => {
    const top = best(steps);
    return refBest && top ? Math.round((top.updatesPerSecond / refBest.updatesPerSecond) * 100) / 100 : null;
  };
  const row = (name: string, result: Awaited<ReturnType<typeof measure>>): BenchRow => {
    const top = best(result.steps);
    const ratio = result === reference ? null : ratioOf(result.steps);
    return {
      what: `collab throughput: ${name}`,
      load,
      goal: `highest rate with p95 ≤ ${options.p95BoundMs} ms`,
      result: top
        ? `${top.updatesPerSecond} updates/s (p50 ${top.p50} · p95 ${top.p95} · p99 ${top.p99} ms)${ratio === null ? "" : `, ${ratio}× the reference`}`
        : "no rate sustained",
      met: null,
      figures: { ...result, sustained: top ?? null, ratio },
    };
  };
  const ratio = ratioOf(ours.steps);
  const durable = ours.durability ? ours.durability.lost === 0 && ours.durability.unsaved === 0 : false;
  return [
    row("y-websocket reference (@y/websocket-server, in memory)", reference),
    row("stock Hocuspocus (no extension, in memory)", stock),
    row("stock Hocuspocus + its Database extension (whole state every 2 s, not durable per edit)", stockDatabase),
    row("Chung Tay (every edit in PostgreSQL before “saved”)", ours),
    {
      what: "collab throughput: ours ÷ reference at equal p95",
      load,
      goal: "≥ 1.0×, no acknowledged edit lost",
      result: `${ratio ?? "—"}× · ${ours.durability ? `${ours.durability.lost} of ${ours.durability.checked} editors lost edits, ${ours.durability.unsaved} not saved` : "durability not checked"}`,
      met: ratio !== null && ratio >= 1 && durable,
      figures: { ratio, durability: ours.durability },
    },
  ];
}

async function measure(kind: ServerKind, options: ThroughputOptions) {
  const server = await startCollabServerProcess(kind);
  let fleet: Awaited<ReturnType<typeof startLoadFleet>> | undefined;
  const steps: Step[] = [];
  let durability: { checked: number; lost: number; unsaved: number } | null = null;
  try {
    let documents: string[];
    let userId: string | undefined;
    if (kind === "ours") {
      const db = getDb();
      const tree = await buildUnitTree(db);
      const program = await buildProgram(db);
      const planner = await buildActor(db, "planner", [tree.commune]);
      userId = planner.userId;
      documents = [];
      for (let i = 0; i < options.documents; i += 25) {
        const chunk = await Promise.all(
          Array.from({ length: Math.min(25, options.documents - i) }, () =>
            buildPlan(db, { unit: tree.commune, program, author: planner }),
          ),
        );
        documents.push(...chunk.map((p) => p.id));
      }
    } else documents = Array.from({ length: options.documents }, (_, i) => `bench-document-${kind}-${i}`);
    fleet = await startLoadFleet(options.clientProcesses, {
      kind,
      baseURL: server.baseURL,
      documents,
      editorsPerDocument: options.editorsPerDocument,
      userId,
    });
    if (fleet.ready.ready !== fleet.ready.editors)
      throw new Error(
        `${kind}: only ${fleet.ready.ready} of ${fleet.ready.editors} editors ready (${fleet.ready.failed.join("; ")})`,
      );
    for (const rate of options.rates) {
      // A step that misses is run once more: a rate counts as not sustained only when it misses twice.
      let step: Step | undefined;
      for (let attempt = 0; attempt < 2 && !step?.sustained; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
        await untilIdle(server);
        const result = await fleet.run({ rate, durationMs: options.stepMs, burstKeys: 5, keyGapMs: 40 });
        const serverLoop = (await server.stats()).eventLoopUtilization;
        // An update that never arrived counts as infinitely late.
        const figures = percentiles([...result.latencies, ...Array<number>(result.missing).fill(Infinity)]);
        const updatesPerSecond = Math.round(result.sent / result.seconds);
        const sustained = figures.p95 <= options.p95BoundMs && result.missing === 0 && updatesPerSecond >= 0.9 * rate;
        step = {
          rate,
          updatesPerSecond,
          p50: figures.p50,
          p95: figures.p95,
          p99: figures.p99,
          missing: result.missing,
          sustained,
          serverLoop,
          clientLoop: result.eventLoopUtilization,
        };
        steps.push(step);
        console.log(
          `  ${kind} @ ${rate}/s offered: ${updatesPerSecond} updates/s, p95 ${figures.p95} ms, missing ${result.missing}, server loop ${serverLoop}, client loop ${result.eventLoopUtilization}${sustained ? "" : " (not sustained)"}`,
        );
      }
      if (!step?.sustained) break;
    }
    if (kind === "ours") {
      const states = await fleet.settle();
      durability = { ...(await countLostEdits(states)), unsaved: states.unsaved };
    }
  } finally {
    await fleet?.stop();
    await server.stop();
  }
  return { kind, steps, durability };
}

/** Waits (at most a minute) until the server spent under a tenth of a second busy. */
async function untilIdle(server: { stats(): Promise<{ eventLoopUtilization: number }> }) {
  await server.stats();
  for (let waited = 0; waited < 60_000; waited += 1000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if ((await server.stats()).eventLoopUtilization < 0.1) return;
  }
}
