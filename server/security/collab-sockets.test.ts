import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { buildActor, buildPlan, buildProgram, buildUnitTree } from "../../tests/factories";
import {
  authFrame,
  paragraphUpdate,
  serverMessageType,
  syncStep1Frame,
  updateFrame,
} from "../../tests/fuzz/collab-frames";
import { attachCollab } from "../collab/attach";
import { type CollabServer, createCollabServer, drainCollabServer } from "../collab/server";
import { issueCollabToken } from "../collab/token";
import { getDb } from "../db/client";
import { COLLAB_SOCKET_LIMITS } from "./collab-sockets";

process.env.AUTH_SECRET ??= "test-secret-for-collab-sockets-0123456789";

/**
 * The collaboration socket under the attack the probe made (100 sockets without a token, each
 * sending 3 × 1.6 MB, held 460 MB for a minute), on a real server in this process, loopback only.
 */
describe("collaboration sockets before authentication", () => {
  let collab: CollabServer;
  const servers: Server[] = [];
  const sockets: (WebSocket | net.Socket)[] = [];
  let planId: string;
  let plannerId: string;

  async function serve(limits = {}) {
    const http = createServer((_, res) => res.end());
    attachCollab(http, collab, undefined, limits);
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    servers.push(http);
    return (http.address() as AddressInfo).port;
  }

  beforeAll(async () => {
    const db = getDb();
    const tree = await buildUnitTree(db);
    const planner = await buildActor(db, "planner", [tree.commune]);
    plannerId = planner.userId;
    planId = (await buildPlan(db, { unit: tree.commune, program: await buildProgram(db), author: planner })).id;
    collab = createCollabServer({ name: "sockets-test" });
  });

  afterAll(async () => {
    for (const socket of sockets) {
      if (socket instanceof WebSocket) socket.terminate();
      else socket.destroy();
    }
    await drainCollabServer(collab);
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  /** A raw WebSocket to the server, and how it ended (the close code, or the HTTP status that refused it). */
  function open(port: number) {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/collab`);
    sockets.push(ws);
    const ended = new Promise<{ code?: number; status?: number; at: number }>((resolve) => {
      ws.on("close", (code) => resolve({ code, at: Date.now() }));
      ws.on("unexpected-response", (_, response) => {
        resolve({ status: response.statusCode, at: Date.now() });
        ws.terminate();
      });
      ws.on("error", () => {});
    });
    const opened = new Promise<void>((resolve) => ws.on("open", () => resolve()));
    return { ws, ended, opened };
  }

  const within = <T>(promise: Promise<T>, ms: number) =>
    Promise.race([promise, new Promise<"still open">((resolve) => setTimeout(() => resolve("still open"), ms))]);

  it("refuses a large frame from its header, before its payload arrives", async () => {
    const port = await serve();
    const raw = net.connect(port, "127.0.0.1");
    sockets.push(raw);
    await new Promise((resolve) => raw.once("connect", resolve));
    raw.write(
      "GET /collab HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
    );
    await new Promise((resolve) => raw.once("data", resolve));
    // A masked binary frame announcing 1.6 MB, of which only 1 kB is ever sent.
    const header = Buffer.alloc(14);
    header[0] = 0x82;
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(1_600_000n, 2);
    raw.write(Buffer.concat([header, Buffer.alloc(1024)]));
    const closed = new Promise((resolve) => raw.once("close", () => resolve("closed")));
    expect(await within(closed, 2000)).toBe("closed");
  });

  it("ends a socket that sends more than its budget before authenticating", async () => {
    const port = await serve();
    const { ws, ended, opened } = open(port);
    await opened;
    // Valid frames, each within the frame limit, that Hocuspocus would queue until a token comes.
    const update = updateFrame(`plan:${planId}`, new Uint8Array(60 * 1024).fill(7));
    for (let i = 0; i < 4 && ws.readyState === WebSocket.OPEN; i++) ws.send(update);
    expect(await within(ended, 2000)).not.toBe("still open");
    expect(COLLAB_SOCKET_LIMITS.preAuthBytes).toBeLessThan(4 * update.byteLength);
  });

  it("closes a socket that does not authenticate in time", async () => {
    const port = await serve({ authTimeoutMs: 300 });
    const { ended, opened } = open(port);
    await opened;
    expect(await within(ended, 2000)).toMatchObject({ code: 4408 });
  });

  it(`takes at most ${COLLAB_SOCKET_LIMITS.pendingPerAddress} unauthenticated sockets from one address`, async () => {
    const port = await serve();
    const first = Array.from({ length: COLLAB_SOCKET_LIMITS.pendingPerAddress }, () => open(port));
    await Promise.all(first.map((s) => s.opened));
    const extra = open(port);
    expect(await within(extra.ended, 2000)).toMatchObject({ status: 429 });
    for (const { ws } of first) ws.terminate();
  });

  it("caps sockets per instance, and lets an authenticated socket send large messages", async () => {
    const port = await serve({ total: 2 });
    const a = open(port);
    const b = open(port);
    await Promise.all([a.opened, b.opened]);
    expect(await within(open(port).ended, 2000)).toMatchObject({ status: 503 });
    b.ws.terminate();
    await b.ended;

    // An editor with a token: once authenticated, a 200 kB paste goes through and is stored.
    const name = `plan:${planId}`;
    const answers: (ReturnType<typeof serverMessageType> & {})[] = [];
    a.ws.on("message", (data: Buffer) => answers.push(serverMessageType(new Uint8Array(data))!));
    a.ws.send(authFrame(name, (await issueCollabToken(plannerId)).token));
    a.ws.send(syncStep1Frame(name, new Y.Doc()));
    await expect.poll(() => answers.some((m) => m.type === 2 && m.sub === 2)).toBe(true);
    const paste = "Bảng số liệu. ".repeat(15_000);
    a.ws.send(updateFrame(name, paragraphUpdate(paste)));
    await expect
      .poll(() => collab.documents.get(name)?.getXmlFragment("default").toString().includes("Bảng số liệu"))
      .toBe(true);
    expect(a.ws.readyState).toBe(WebSocket.OPEN);
  });
});
