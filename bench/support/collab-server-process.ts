/**
 * A collaboration server in a process of its own, for the benchmarks: `ours` (createCollabServer
 * + attachCollab against DATABASE_URL, with its durable writes), `reference` (the y-websocket
 * reference server, @y/websocket-server's setupWSConnection, in memory), `hocuspocus` (stock
 * Hocuspocus, no extension, in memory) or `hocuspocus-database` (stock Hocuspocus with its
 * Database extension storing each document's state in PostgreSQL, with its default debounce). It listens on an
 * ephemeral loopback port, sends `{ port }` to its parent over IPC, serves GET /stats (memory
 * after a full GC when run with --expose-gc) and ends when told to, or when its parent goes.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { WebSocketServer } from "ws";
import type { ServerKind } from "./bench-child";

const kinds: ServerKind[] = ["ours", "reference", "hocuspocus", "hocuspocus-database"];
const kind = process.argv[2] as ServerKind;
if (!kinds.includes(kind)) throw new Error(`usage: collab-server-process.ts ${kinds.join("|")}`);

const counts = { documents: () => 0, connections: () => 0 };
// Event-loop utilisation since the previous /stats: how busy the server was over a load step.
let loopSince = performance.eventLoopUtilization();
const server = createServer((req, res) => {
  if (req.url !== "/stats") return void res.writeHead(404).end();
  const eventLoopUtilization = Math.round(performance.eventLoopUtilization(loopSince).utilization * 100) / 100;
  loopSince = performance.eventLoopUtilization();
  (globalThis as { gc?: () => void }).gc?.();
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      eventLoopUtilization,
      memory: process.memoryUsage(),
      gc: typeof (globalThis as { gc?: unknown }).gc === "function",
      documents: counts.documents(),
      connections: counts.connections(),
    }),
  );
});

let stop: () => Promise<void>;
if (kind === "ours") {
  const { attachCollab } = await import("../../server/collab/attach");
  const { createCollabServer, drainCollabServer } = await import("../../server/collab/server");
  const { disconnectDb } = await import("../../server/db/client");
  const collab = createCollabServer({ name: "bench" });
  // Every client of the benchmark comes from loopback, thousands at once: no per-address or pending caps.
  attachCollab(server, collab, undefined, {
    perAddress: Infinity,
    pendingPerAddress: Infinity,
    pendingTotal: Infinity,
  });
  counts.documents = () => collab.getDocumentsCount();
  counts.connections = () => collab.getConnectionsCount();
  stop = async () => {
    await drainCollabServer(collab);
    await disconnectDb();
  };
} else if (kind === "hocuspocus" || kind === "hocuspocus-database") {
  const { Hocuspocus } = await import("@hocuspocus/server");
  const database = kind === "hocuspocus-database" ? await stockDatabaseExtension() : null;
  const hocuspocus = new Hocuspocus({ quiet: true, extensions: database ? [database.extension] : [] });
  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = hocuspocus.handleConnection(ws, new Request(`http://localhost${req.url}`));
      ws.on("message", (data: Buffer) =>
        connection.handleMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)),
      );
      ws.on("close", (code, reason) => connection.handleClose({ code, reason: reason.toString() } as CloseEvent));
    }),
  );
  counts.documents = () => hocuspocus.getDocumentsCount();
  counts.connections = () => hocuspocus.getConnectionsCount();
  stop = async () => {
    hocuspocus.closeConnections();
    hocuspocus.flushPendingStores();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await database?.close();
  };
} else {
  const { setupWSConnection, docs } = await import("@y/websocket-server/utils");
  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req)));
  counts.documents = () => docs.size;
  counts.connections = () => wss.clients.size;
  stop = async () => {
    for (const ws of wss.clients) ws.terminate();
  };
}

server.listen(0, "127.0.0.1", () => process.send?.({ port: (server.address() as AddressInfo).port }));

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  server.close();
  await stop();
  process.exit(0);
}
process.on("message", (message) => message === "stop" && void shutdown());
process.on("disconnect", () => void shutdown());
process.on("SIGTERM", () => void shutdown());

/** @hocuspocus/extension-database as its README sets it up: one row per document, its whole state. */
async function stockDatabaseExtension() {
  const { Database } = await import("@hocuspocus/extension-database");
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  await pool.query('CREATE TABLE IF NOT EXISTS "BenchHocuspocusDocument" (name text PRIMARY KEY, data bytea NOT NULL)');
  const extension = new Database({
    fetch: async ({ documentName }) =>
      (await pool.query('SELECT data FROM "BenchHocuspocusDocument" WHERE name = $1', [documentName])).rows[0]?.data ??
      null,
    store: async ({ documentName, state }) => {
      await pool.query(
        'INSERT INTO "BenchHocuspocusDocument" (name, data) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET data = $2',
        [documentName, state],
      );
    },
  });
  return { extension, close: () => pool.end() };
}
