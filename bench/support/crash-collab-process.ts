import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

export interface CollabProcess {
  baseURL: string;
  child: ChildProcess;
  /** Milliseconds from spawn until /health answered. */
  readyMs: number;
  /** Lines the process wrote to stderr, and to stdout, so far. */
  stderrLines(): string[];
  output(): string;
  /** Resident memory of the process in bytes, from /proc/<pid>/status (Linux). */
  rssBytes(): number;
  /** The DevTools endpoint when started with `inspect` (see inspector-heap.ts), else null. */
  inspectorURL(): string | null;
  /** SIGKILL: no shutdown hook runs, as in a power cut or an OOM kill. */
  crash(): Promise<void>;
  /** SIGTERM: the server drains its writes and exits. */
  stop(): Promise<void>;
}

// A run cut short (a test timeout, Ctrl-C) must not leave a server behind.
const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/**
 * Starts the standalone collaboration server (`server/collab/standalone.ts`, no Next) as its own
 * process and waits until /health answers. The crash loop and the soak kill and watch this
 * process; `env` gives it its database (DATABASE_URL, or CHUNGTAY_DATA_DIR for the embedded one)
 * and the AUTH_SECRET the caller signs collab tokens with. `inspect` opens the V8 inspector on a
 * free loopback port, so that the soak can read the live heap after a full collection.
 */
export async function startCollabProcess(
  port: number,
  env: Record<string, string>,
  { inspect = false, timeoutMs = 60_000 } = {},
): Promise<CollabProcess> {
  const started = performance.now();
  const inspectArgs = inspect ? ["--inspect=127.0.0.1:0"] : [];
  const child = spawn(process.execPath, [...inspectArgs, "--import", "tsx", "server/collab/standalone.ts"], {
    env: { ...process.env, ...env, COLLAB_PORT: String(port), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => (log += chunk));
  child.stderr!.on("data", (chunk) => {
    log += chunk;
    stderr += chunk;
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => running.delete(child));
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`collaboration server exited early:\n${log}`);
      const healthy = await fetch(`${baseURL}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (healthy) break;
      if (Date.now() > deadline) throw new Error(`collaboration server did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } catch (error) {
    child.kill("SIGKILL");
    await exited;
    throw error;
  }
  const readyMs = performance.now() - started;
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    baseURL,
    child,
    readyMs,
    stderrLines: () => stderr.split("\n").filter(Boolean),
    output: () => log,
    rssBytes() {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const kB = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
      return kB * 1024;
    },
    inspectorURL: () => /Debugger listening on (ws:\/\/\S+)/.exec(stderr)?.[1] ?? null,
    async crash() {
      if (alive()) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (alive()) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
