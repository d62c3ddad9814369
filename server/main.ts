/**
 * The one process that serves Chung Tay: it finds or starts the database, migrates it, loads
 * the national reference data and seeds the demo, then serves the Next.js app and the
 * collaboration socket (/collab) on PORT from one plain HTTP server.
 */
import { createServer } from "node:http";
import next from "next";
import { ensureAuthSecret } from "./auth/secret";
import { attachCollab } from "./collab/attach";
import { createCollabServer, drainCollabServer } from "./collab/server";
import { disconnectDb, getDb } from "./db/client";
import { resolveDatabase } from "./db/resolve-database";
import { withSetupLock } from "./db/setup-lock";
import { scheduleOverdueChecks } from "./planning/overdue";
import { prepareDatabase } from "./reference/prepare-database";
import { seedDemoOnStart } from "./seed/demo-on-start";
import { demoAccounts, demoPassword } from "./seed/seed-demo";
import { issueSetupToken } from "./setup/setup-token";
import { hasActiveAdmin } from "./users/create-user";
import { configOrExit } from "./config";

const dev = process.argv.includes("--dev");
const { PORT: port, HOST: hostname, SEED, REDIS_URL, REDIS_PREFIX, trustProxy } = configOrExit();

const database = await resolveDatabase();
console.log(`Chung Tay: data in ${database.description}`);
await ensureAuthSecret();
const demo = await withSetupLock(database, async () => {
  const applied = await prepareDatabase(database.url, getDb());
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  if (SEED === "0") return false;
  const { demo, created, note } = await seedDemoOnStart(getDb());
  if (note) console.log(note);
  if (created) console.log(`Seeded the demo province Điện Biên (${created} records).`);
  return demo;
});
// A first run without the demo: the first admin starts the province in the browser with this link.
const setupToken = (await hasActiveAdmin(getDb())) ? null : issueSetupToken();
if (REDIS_URL) console.log(`Chung Tay: documents shared with other instances through Redis (prefix ${REDIS_PREFIX})`);

const app = next({ dev, hostname, port, dir: process.cwd() });
await app.prepare();
const handle = app.getRequestHandler();
const upgrade = app.getUpgradeHandler();

// A client's own X-Forwarded-For is believed only behind a proxy that sets it (TRUST_PROXY=1):
// sign-in throttling counts failures per address, and a client must not choose its own.
const server = createServer((req, res) => {
  if (!trustProxy) req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "";
  void handle(req, res);
});
const collab = createCollabServer();
attachCollab(server, collab, (req, socket, head) => void upgrade(req, socket, head));
const stopOverdueChecks = scheduleOverdueChecks(getDb());
server.listen(port, hostname, () => {
  console.log(`Chung Tay is ready on http://localhost:${port}`);
  if (setupToken) {
    console.log("No admin account yet. To choose the province and create the first admin, open (works until then):");
    console.log(`  http://localhost:${port}/setup?token=${setupToken}`);
    console.log("  or run `npm run cli -- init --help` to do it from the command line.");
  } else if (demo) {
    console.log(`Demo accounts (password: ${demoPassword()}):`);
    for (const account of demoAccounts) console.log(`  ${account.email.padEnd(28)} ${account.role} · ${account.title}`);
  }
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping…`);
  server.close();
  stopOverdueChecks();
  // Edits already received are written before the process ends.
  await drainCollabServer(collab);
  server.closeAllConnections();
  await app.close?.();
  await disconnectDb();
  // PGlite writes its files on close; stopping it cleanly keeps .data/ consistent.
  await database.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
