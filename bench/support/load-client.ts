/**
 * A load-generating client process for the collaboration benchmarks. Told over IPC which
 * documents to open (all editors of a document live here, so that "update sent by one editor
 * → seen by another" is timed on one clock), it opens them, then types bursts at the offered
 * rate, times every update at every other editor of its document, and at the end reports
 * what each editor holds so that the bench can check it is stored.
 *
 * Messages: open → ready; run → result; settle → states; "stop" ends the process.
 */
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { issueCollabToken } from "../../server/collab/token";
import type { ServerKind } from "./bench-child";
import { type LoadEditor, openOurEditor, openReferenceEditor } from "./load-editor";

export interface OpenMessage {
  type: "open";
  kind: ServerKind;
  baseURL: string;
  /** Plan ids (ours) or document names (the others). */
  documents: string[];
  editorsPerDocument: number;
  userId?: string;
}
export interface RunMessage {
  type: "run";
  /** Keystrokes per second over all editors of this process. */
  rate: number;
  durationMs: number;
  burstKeys: number;
  keyGapMs: number;
}
export interface ReadyReply {
  editors: number;
  ready: number;
  failed: string[];
  ms: number;
}
export interface RunReply {
  sent: number;
  latencies: number[];
  missing: number;
  seconds: number;
  eventLoopUtilization: number;
}
export interface StatesReply {
  documents: { document: string; stateVectors: string[] }[];
  unsaved: number;
}

interface Group {
  document: string;
  editors: LoadEditor[];
  /** Per writer: its pending keystrokes (own clock after typing, time typed, readers left). */
  pending: Map<number, { clock: number; at: number; waiting: Set<number> }[]>;
}

let groups: Group[] = [];
let latencies: number[] = [];
let measuring = false;

async function open(message: OpenMessage): Promise<ReadyReply> {
  const started = performance.now();
  // Stock Hocuspocus asks for no token; its provider sends one all the same.
  const token = message.kind === "ours" ? (await issueCollabToken(message.userId!)).token : "bench";
  groups = message.documents.map((document) => ({
    document,
    editors: Array.from({ length: message.editorsPerDocument }, () =>
      message.kind !== "reference"
        ? openOurEditor(message.baseURL, document, token)
        : openReferenceEditor(message.baseURL, document),
    ),
    pending: new Map(),
  }));
  const failed: string[] = [];
  const all = groups.flatMap((g) => g.editors);
  const settled = await Promise.allSettled(all.map((e) => withTimeout(e.ready, 60_000)));
  for (const s of settled) if (s.status === "rejected") failed.push(String((s.reason as Error).message));
  // One paragraph per document, written once, so that concurrent first keystrokes do not make two.
  for (const g of groups) if (g.editors[0]!.doc.getXmlFragment("default").length === 0) g.editors[0]!.type("Bắt đầu. ");
  await waitUntil(
    () => groups.every((g) => g.editors.every((e) => e.doc.getXmlFragment("default").length > 0)),
    30_000,
  );
  for (const g of groups)
    g.editors.forEach((reader, index) =>
      reader.doc.on("update", (_u: Uint8Array, origin: unknown) => origin !== null && observe(g, index)),
    );
  return {
    editors: all.length,
    ready: settled.filter((s) => s.status === "fulfilled").length,
    failed: failed.slice(0, 5),
    ms: Math.round(performance.now() - started),
  };
}

/** A remote update reached `readerIndex`: resolves every keystroke it now holds. */
function observe(group: Group, readerIndex: number) {
  if (!measuring) return;
  const now = performance.now();
  const reader = group.editors[readerIndex]!.doc;
  for (const [writerId, queue] of group.pending) {
    if (writerId === reader.clientID) continue;
    const held = Y.getState(reader.store, writerId);
    for (let i = 0; i < queue.length && queue[i]!.clock <= held;) {
      const entry = queue[i]!;
      if (entry.waiting.delete(readerIndex)) latencies.push(now - entry.at);
      if (entry.waiting.size === 0 && i === 0) queue.shift();
      else i++;
    }
  }
}

async function run(message: RunMessage): Promise<RunReply> {
  latencies = [];
  measuring = true;
  const loopBefore = performance.eventLoopUtilization();
  const editors = groups.flatMap((group) =>
    group.editors.map((editor, index) => ({ group, editor, index, busy: false })),
  );
  let sent = 0;
  let budget = 0;
  let last = performance.now();
  const started = last;
  const timers = new Set<NodeJS.Timeout>();
  const keystroke = (slot: (typeof editors)[number], left: number) => {
    const { editor, group, index } = slot;
    editor.type(String.fromCharCode(97 + (sent % 26)));
    sent++;
    const waiting = new Set(group.editors.map((_, i) => i).filter((i) => i !== index));
    let queue = group.pending.get(editor.doc.clientID);
    if (!queue) group.pending.set(editor.doc.clientID, (queue = []));
    queue.push({ clock: Y.getState(editor.doc.store, editor.doc.clientID), at: performance.now(), waiting });
    if (left > 1) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        keystroke(slot, left - 1);
      }, message.keyGapMs);
      timers.add(timer);
    } else slot.busy = false;
  };
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const now = performance.now();
      budget += (message.rate * (now - last)) / 1000;
      last = now;
      if (now - started >= message.durationMs) {
        clearInterval(tick);
        resolve();
        return;
      }
      for (let tries = 0; budget >= message.burstKeys && tries < editors.length; tries++) {
        const slot = editors[Math.floor(Math.random() * editors.length)]!;
        if (slot.busy) continue;
        slot.busy = true;
        budget -= message.burstKeys;
        keystroke(slot, message.burstKeys);
      }
    }, 5);
  });
  // Bursts under way end (each timer types its keystroke), then stragglers have 3 s to arrive.
  await waitUntil(() => timers.size === 0, 10_000);
  const seconds = (performance.now() - started) / 1000;
  const eventLoopUtilization = Math.round(performance.eventLoopUtilization(loopBefore).utilization * 100) / 100;
  await waitUntil(() => pendingCount() === 0, 3000).catch(() => undefined);
  measuring = false;
  const missing = pendingCount();
  for (const group of groups) group.pending.clear();
  return { sent, latencies, missing, seconds, eventLoopUtilization };
}

const pendingCount = () =>
  groups.reduce(
    (sum, g) => sum + [...g.pending.values()].reduce((s, q) => s + q.reduce((n, e) => n + e.waiting.size, 0), 0),
    0,
  );

/** Waits until every editor is told it is saved, then reports each editor's state vector. */
async function settle(): Promise<StatesReply> {
  const all = groups.flatMap((g) => g.editors);
  const saved = await Promise.allSettled(all.map((e) => e.saved(30_000)));
  return {
    unsaved: saved.filter((s) => s.status === "rejected").length,
    documents: groups.map((g) => ({
      document: g.document,
      stateVectors: g.editors.map((e) => Buffer.from(Y.encodeStateVector(e.doc)).toString("base64")),
    })),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`not ready in ${ms} ms`)), ms).unref()),
  ]);
}

async function waitUntil(done: () => boolean, ms: number) {
  const deadline = performance.now() + ms;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

process.on("message", (message: OpenMessage | RunMessage | { type: "settle" } | "stop") => {
  if (message === "stop") {
    for (const e of groups.flatMap((g) => g.editors)) e.close();
    setTimeout(() => process.exit(0), 200);
    return;
  }
  const work = message.type === "open" ? open(message) : message.type === "run" ? run(message) : settle();
  work.then(
    (reply) => process.send!(reply),
    (error: Error) => process.send!({ error: error.message }),
  );
});
process.on("disconnect", () => process.exit(0));
