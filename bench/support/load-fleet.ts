import { getDb } from "../../server/db/client";
import { loadDocument } from "../../server/documents/storage";
import * as Y from "yjs";
import { type BenchChild, startBenchChild } from "./bench-child";
import type { OpenMessage, ReadyReply, RunMessage, RunReply, StatesReply } from "./load-client";

/** Load-generating client processes sharing the documents of a benchmark between them. */
export interface LoadFleet {
  ready: ReadyReply;
  run(step: Omit<RunMessage, "type" | "rate"> & { rate: number }): Promise<RunReply>;
  settle(): Promise<StatesReply>;
  stop(): Promise<void>;
}

/**
 * Starts `processes` load clients (bench/support/load-client.ts), gives each a contiguous
 * share of `documents` (all editors of a document in one process), and waits until every
 * editor is ready. A step's rate is split evenly; replies are merged.
 */
export async function startLoadFleet(
  processes: number,
  open: Omit<OpenMessage, "type" | "documents"> & { documents: string[] },
): Promise<LoadFleet> {
  const count = Math.max(1, Math.min(processes, open.documents.length));
  const children: BenchChild[] = Array.from({ length: count }, () => startBenchChild("load-client.ts"));
  const share = (i: number) => open.documents.filter((_, d) => d % count === i);
  try {
    const replies = await Promise.all(
      children.map((child, i) =>
        child.ask<ReadyReply & { error?: string }>({ ...open, type: "open", documents: share(i) }, 180_000),
      ),
    );
    const failure = replies.find((r) => r.error);
    if (failure) throw new Error(failure.error);
    const ready = {
      editors: sum(replies, "editors"),
      ready: sum(replies, "ready"),
      failed: replies.flatMap((r) => r.failed),
      ms: Math.max(...replies.map((r) => r.ms)),
    };
    return {
      ready,
      async run(step) {
        const results = await Promise.all(
          children.map((child) =>
            child.ask<RunReply>({ ...step, type: "run", rate: step.rate / count }, step.durationMs + 60_000),
          ),
        );
        return {
          sent: sum(results, "sent"),
          latencies: results.flatMap((r) => r.latencies),
          missing: sum(results, "missing"),
          seconds: Math.max(...results.map((r) => r.seconds)),
          eventLoopUtilization: Math.max(...results.map((r) => r.eventLoopUtilization)),
        };
      },
      async settle() {
        const results = await Promise.all(children.map((child) => child.ask<StatesReply>({ type: "settle" }, 90_000)));
        return { unsaved: sum(results, "unsaved"), documents: results.flatMap((r) => r.documents) };
      },
      stop: () => Promise.all(children.map((child) => child.stop(10_000))).then(() => undefined),
    };
  } catch (error) {
    await Promise.all(children.map((child) => child.stop(5000)));
    throw error;
  }
}

const sum = <T extends object>(items: T[], key: keyof T) => items.reduce((total, item) => total + Number(item[key]), 0);

/**
 * The durability check: every update an editor holds (after it was told "saved") is in the
 * database. Returns how many editors hold something the stored document lacks.
 */
export async function countLostEdits(states: StatesReply): Promise<{ checked: number; lost: number }> {
  let lost = 0;
  let checked = 0;
  for (const { document: planId, stateVectors } of states.documents) {
    const stored = await loadDocument(getDb(), planId);
    for (const encoded of stateVectors) {
      checked++;
      const held = Y.decodeStateVector(Buffer.from(encoded, "base64"));
      if ([...held].some(([client, clock]) => Y.getState(stored.store, client) < clock)) lost++;
    }
    stored.destroy();
  }
  return { checked, lost };
}
