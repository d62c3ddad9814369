import type { IncomingMessage } from "node:http";
import * as decoding from "lib0/decoding";
import type { WebSocket } from "ws";
import { clientAddress } from "./sign-in-throttle";
import { config } from "../config";

/**
 * Limits of the collaboration socket. Before a socket has authenticated a document it may only
 * present a token: it gets small frames, a small budget in all and a short time, and there
 * may be only so many such sockets per client address and per instance. Once authenticated,
 * a socket may send messages up to the collaboration server's own limit.
 */
export const COLLAB_SOCKET_LIMITS = {
  /** Open sockets per instance, and per client address (an office behind one address: a tab per person). */
  total: 5000,
  perAddress: 500,
  /** Sockets not yet authenticated, per instance and per client address. */
  pendingTotal: 500,
  pendingPerAddress: 50,
  /** Before authentication: the largest frame, all frames together, and the time allowed. */
  preAuthFrameBytes: 64 * 1024,
  preAuthBytes: 128 * 1024,
  authTimeoutMs: 10_000,
};
export type CollabSocketLimits = typeof COLLAB_SOCKET_LIMITS;

/** Hocuspocus's Auth message type and its Authenticated answer (@hocuspocus/common). */
const AUTH_MESSAGE = 2;
const AUTHENTICATED = 2;

/**
 * The client's address for an upgrade request: the nearest proxy's report in X-Forwarded-For
 * when TRUST_PROXY=1 (as for sign-in throttling), else the socket's own address.
 */
export function upgradeClientAddress(req: IncomingMessage, trustProxy = config().trustProxy): string {
  const forwarded = req.headers["x-forwarded-for"];
  if (trustProxy && forwarded) return clientAddress(new Headers({ "x-forwarded-for": String(forwarded) }));
  return req.socket.remoteAddress ?? "unknown";
}

/** Counts the sockets of one server, open and not yet authenticated, in all and per address. */
export class CollabSocketCounter {
  private open = 0;
  private pending = 0;
  private readonly openBy = new Map<string, number>();
  private readonly pendingBy = new Map<string, number>();

  constructor(readonly limits: CollabSocketLimits) {}

  /**
   * Counts a new socket from `address`, or names the HTTP status that refuses it: 503 when the
   * instance is full, 429 when the address holds its share.
   */
  admit(address: string): { status: 429 | 503 } | { authenticated(): void; release(): void } {
    const { limits } = this;
    if (this.open >= limits.total || this.pending >= limits.pendingTotal) return { status: 503 };
    if ((this.openBy.get(address) ?? 0) >= limits.perAddress) return { status: 429 };
    if ((this.pendingBy.get(address) ?? 0) >= limits.pendingPerAddress) return { status: 429 };
    this.open++;
    this.pending++;
    bump(this.openBy, address, 1);
    bump(this.pendingBy, address, 1);
    let pending = true;
    let released = false;
    const settle = () => {
      if (!pending) return;
      pending = false;
      this.pending--;
      bump(this.pendingBy, address, -1);
    };
    return {
      authenticated: settle,
      release: () => {
        if (released) return;
        released = true;
        settle();
        this.open--;
        bump(this.openBy, address, -1);
      },
    };
  }
}

function bump(counts: Map<string, number>, key: string, by: number) {
  const next = (counts.get(key) ?? 0) + by;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

/**
 * Holds a socket to the pre-authentication limits until the collaboration server tells it
 * that a document is authenticated (Hocuspocus's Authenticated message, seen as it is sent):
 * frames larger than `preAuthFrameBytes` are refused by ws from their header, before their
 * payload is read; more than `preAuthBytes` in all, or no authentication within
 * `authTimeoutMs`, ends the socket. Returns the check to run on each incoming message: false
 * when the socket was ended and the message must be dropped.
 */
export function guardUntilAuthenticated(
  ws: WebSocket,
  limits: CollabSocketLimits,
  onAuthenticated: () => void,
): (message: Uint8Array) => boolean {
  const receiver = (ws as unknown as { _receiver?: { _maxPayload?: number } })._receiver;
  const fullPayload = receiver?._maxPayload;
  if (receiver && typeof fullPayload === "number") receiver._maxPayload = limits.preAuthFrameBytes;
  let authenticated = false;
  let received = 0;
  const timer = setTimeout(() => {
    ws.close(4408, "authentication timeout");
    // A client that does not answer the close handshake is cut off.
    setTimeout(() => ws.terminate(), 1000).unref();
  }, limits.authTimeoutMs);
  timer.unref();
  ws.once("close", () => clearTimeout(timer));

  const send = ws.send;
  ws.send = function (this: WebSocket, data: unknown, ...rest: unknown[]) {
    if (data instanceof Uint8Array && isAuthenticatedMessage(data)) {
      authenticated = true;
      clearTimeout(timer);
      ws.send = send;
      if (receiver && typeof fullPayload === "number") receiver._maxPayload = fullPayload;
      onAuthenticated();
    }
    return (send as (...args: unknown[]) => void).call(this, data, ...rest);
  } as WebSocket["send"];

  return (message) => {
    if (authenticated) return true;
    received += message.byteLength;
    if (message.byteLength <= limits.preAuthFrameBytes && received <= limits.preAuthBytes) return true;
    ws.terminate();
    return false;
  };
}

function isAuthenticatedMessage(frame: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarString(decoder);
    return decoding.readVarUint(decoder) === AUTH_MESSAGE && decoding.readVarUint(decoder) === AUTHENTICATED;
  } catch {
    return false;
  }
}
