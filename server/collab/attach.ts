import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { Hocuspocus } from "@hocuspocus/server";
import { WebSocketServer } from "ws";
import { MAX_MESSAGE_BYTES } from "./server";

export const COLLAB_PATH = "/collab";

type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Serves the collaboration socket on `COLLAB_PATH` of an HTTP server; other upgrades (Next's
 * dev reload) go to `otherUpgrades`. Frames larger than a message may be are refused by ws,
 * which closes that connection only.
 */
export function attachCollab(server: Server, hocuspocus: Hocuspocus, otherUpgrades?: UpgradeHandler) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES + 64 * 1024 });
  server.on("upgrade", (req, socket, head) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== COLLAB_PATH) {
      if (otherUpgrades) otherUpgrades(req, socket, head);
      else socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string") headers.set(name, value);
        else if (Array.isArray(value)) headers.set(name, value.join(", "));
      }
      const connection = hocuspocus.handleConnection(ws, new Request(`http://localhost${req.url}`, { headers }));
      ws.on("message", (data: Buffer, isBinary) => {
        if (!isBinary) return ws.close(1003, "binary messages only");
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
