import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

/** A benchmark process started by the bench, spoken to over IPC. */
export interface BenchChild {
  process: ChildProcess;
  /** The next message the child sends (each message is handed out once, in order). */
  next<T>(timeoutMs?: number): Promise<T>;
  /** Sends a message and waits for the child's answer. */
  ask<T>(message: unknown, timeoutMs?: number): Promise<T>;
  /** Asks the child to end, and kills it if it has not within the time given. */
  stop(timeoutMs?: number): Promise<void>;
}

const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/**
 * Starts `bench/support/<script>` in its own Node process (TypeScript through tsx), with the
 * bench's environment (DATABASE_URL, AUTH_SECRET) plus `env`, so that what it runs does not
 * share an event loop or a core with the measurement. `nodeFlags` (e.g. --expose-gc,
 * --cpu-prof) go to that Node. A child whose parent dies ends with it (IPC disconnect), and
 * every child still running is killed when the bench exits.
 */
export function startBenchChild(
  script: string,
  args: string[] = [],
  options: { nodeFlags?: string[]; env?: Record<string, string> } = {},
): BenchChild {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", ...(options.nodeFlags ?? []), path.join(import.meta.dirname, script), ...args],
    {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env: { ...process.env, ...options.env },
    },
  );
  running.add(child);
  const inbox: unknown[] = [];
  const waiters: ((message: unknown) => void)[] = [];
  let exited: Error | null = null;
  const failures = new Set<(error: Error) => void>();
  child.on("message", (message) => {
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else inbox.push(message);
  });
  child.on("exit", (code, signal) => {
    running.delete(child);
    exited = new Error(`${script} ended (${signal ?? code})`);
    for (const fail of failures) fail(exited);
  });

  const next = <T>(timeoutMs = 120_000) =>
    new Promise<T>((resolve, reject) => {
      if (inbox.length) return resolve(inbox.shift() as T);
      if (exited) return reject(exited);
      const fail = (error: Error) => {
        clearTimeout(timer);
        reject(error);
      };
      const timer = setTimeout(() => {
        failures.delete(fail);
        waiters.splice(waiters.indexOf(deliver), 1);
        reject(new Error(`${script}: no answer in ${timeoutMs} ms`));
      }, timeoutMs);
      const deliver = (message: unknown) => {
        clearTimeout(timer);
        failures.delete(fail);
        resolve(message as T);
      };
      failures.add(fail);
      waiters.push(deliver);
    });

  return {
    process: child,
    next,
    ask(message, timeoutMs) {
      child.send(message as object);
      return next(timeoutMs);
    },
    async stop(timeoutMs = 30_000) {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.send("stop");
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      await gone;
      clearTimeout(timer);
    },
  };
}

/** The collaboration servers the benchmarks compare (see collab-server-process.ts). */
export type ServerKind = "ours" | "reference" | "hocuspocus" | "hocuspocus-database";

/** Starts a collaboration server process and returns it with its base URL. */
export async function startCollabServerProcess(kind: ServerKind, nodeFlags: string[] = []) {
  const flags = [
    ...nodeFlags,
    ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve("bench/results/profiles")}`] : []),
  ];
  const child = startBenchChild("collab-server-process.ts", [kind], { nodeFlags: flags });
  const { port } = await child.next<{ port: number }>(60_000);
  const baseURL = `http://127.0.0.1:${port}`;
  return {
    ...child,
    baseURL,
    async stats(): Promise<{
      eventLoopUtilization: number;
      memory: NodeJS.MemoryUsage;
      gc: boolean;
      documents: number;
      connections: number;
    }> {
      return (await fetch(`${baseURL}/stats`)).json() as never;
    },
  };
}
