import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { config, publishAuthSecret } from "../config";

/**
 * next-auth signs sessions with AUTH_SECRET. When none is configured, one is generated once
 * and kept under the data folder, so sessions survive restarts without any setup.
 */
export async function ensureAuthSecret(dataDir = config().dataDir): Promise<"configured" | "generated" | "stored"> {
  if (config().AUTH_SECRET) return "configured";
  const file = path.join(dataDir, "auth-secret");
  const stored = await readFile(file, "utf8").catch(() => "");
  if (stored.trim()) {
    publishAuthSecret(stored.trim());
    return "stored";
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  publishAuthSecret(secret);
  return "generated";
}
