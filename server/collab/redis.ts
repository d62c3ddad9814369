import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { Redis } from "@hocuspocus/extension-redis";
import { config } from "../config";

/**
 * Hocuspocus's Redis extension when `REDIS_URL` is set, so that several instances serve one
 * plan's document together: each publishes its changes and awareness and applies the others'.
 * `REDIS_PREFIX` (default `chungtay`) namespaces the channels and locks, so deployments or
 * test runs sharing one Redis never see each other's documents. Without `REDIS_URL`, null:
 * one instance holds each document, as before.
 */
export function redisExtension({ REDIS_URL, REDIS_PREFIX } = config()): Redis | null {
  if (!REDIS_URL) return null;
  const url = new URL(REDIS_URL);
  return new Redis({
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: Number(url.port || 6379),
    options: {
      username: decodeURIComponent(url.username) || undefined,
      password: decodeURIComponent(url.password) || undefined,
      db: Number(url.pathname.slice(1) || 0),
      tls: url.protocol === "rediss:" ? {} : undefined,
    },
    prefix: REDIS_PREFIX,
    // Messages an instance published itself are recognised by this name and skipped; it must
    // differ between instances, also between two processes on one machine.
    identifier: `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    // One instance at a time runs the store hooks (compaction, automatic versions); the others
    // skip that round. Longer than a compaction takes; if the holder dies, compaction waits at
    // most this long. Edits never wait for it: each instance writes them to the log at once.
    lockTimeout: 5000,
    // Unloading a document waits this long, so the last sync messages through Redis land first.
    disconnectDelay: 1000,
  });
}
