import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { Hocuspocus } from "@hocuspocus/server";
import { type WebSocket, WebSocketServer } from "ws";
import {
  COLLAB_SOCKET_LIMITS,
  CollabSocketCounter,
  type CollabSocketLimits,
  guardUntilAuthenticated,
  upgradeClientAddress,
} from "../security/collab-sockets";
import { MAX_MESSAGE_BYTES } from "./server";

export const COLLAB_PATH = "/collab";

type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Serves the collaboration socket on `COLLAB_PATH` of an HTTP server; other upgrades (Next's
 * dev reload) go to `otherUpgrades`. Frames larger than a message may be are refused by ws,
 * which closes that connection only. Sockets are counted per client address and in all, and
 * held to small frames until they authenticate (see `COLLAB_SOCKET_LIMITS`; `limits` changes
 * them, e.g. for a benchmark whose thousands of clients share one address).
 */
export function attachCollab(
  server: Server,
  hocuspocus: Hocuspocus,
  otherUpgrades?: UpgradeHandler,
  limits: Partial<CollabSocketLimits> = {},
) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES + 64 * 1024 });
  const counter = new CollabSocketCounter({ ...COLLAB_SOCKET_LIMITS, ...limits });
  server.on("upgrade", (req, socket, head) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== COLLAB_PATH) {
      if (otherUpgrades) otherUpgrades(req, socket, head);
      else socket.destroy();
      return;
    }
    const admitted = counter.admit(upgradeClientAddress(req));
    if ("status" in admitted) return refuseUpgrade(socket, admitted.status);
    // The raw socket closes however the upgrade ends, a failed handshake included.
    socket.once("close", admitted.release);
    wss.handleUpgrade(req, socket, head, (ws) => {
      coalesceWrites(ws);
      const allowed = guardUntilAuthenticated(ws, counter.limits, admitted.authenticated);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string") headers.set(name, value);
        else if (Array.isArray(value)) headers.set(name, value.join(", "));
      }
      const connection = hocuspocus.handleConnection(ws, new Request(`http://localhost${req.url}`, { headers }));
      ws.on("message", (data: Buffer, isBinary) => {
        if (!isBinary) return ws.close(1003, "binary messages only");
        if (!allowed(data)) return;
        try {
          connection.handleMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        } catch (error) {
          // A malformed message closes its own connection, nothing else.
          console.error("Collaboration message refused:", (error as Error).message);
          ws.close(1007, "malformed message");
        }
      });
      ws.on("close", (code, reason) => connection.handleClose({ code, reason: reason.toString() } as CloseEvent));
      ws.on("error", () => ws.terminate());
    });
  });
  return wss;
}

const STATUS_TEXT = { 429: "Too Many Requests", 503: "Service Unavailable" };

/** Answers an upgrade with a plain HTTP refusal; the provider retries later, with backoff. */
function refuseUpgrade(socket: Duplex, status: 429 | 503) {
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nRetry-After: 10\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
  );
}

const corked = new Set<Duplex>();
const uncorkAll = () => {
  for (const socket of corked) socket.uncork();
  corked.clear();
};

/**
 * Frames sent to one socket in one turn of the event loop leave it in one write. Every frame
 * is otherwise a system call of its own (ws writes each frame as it is sent), and under load
 * those calls were the largest item of the server's profile: an editor gets the
 * acknowledgement of its update, the others' updates and "saved", often in the same turn.
 * They wait at most until the end of the turn (setImmediate), not for a timer.
 */
function coalesceWrites(ws: WebSocket) {
  // ws keeps its socket private; without it (another WebSocket implementation) frames go one by one.
  const socket = (ws as unknown as { _socket?: Duplex })._socket;
  if (!socket) return;
  const send = ws.send.bind(ws) as (...args: unknown[]) => void;
  ws.send = ((...args: unknown[]) => {
    if (!corked.has(socket)) {
      if (corked.size === 0) setImmediate(uncorkAll);
      corked.add(socket);
      socket.cork();
    }
    send(...args);
  }) as WebSocket["send"];
}
