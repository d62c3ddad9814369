/**
 * The collaboration server on its own (`npm run collab`), for running it apart from the web
 * app: same database, same AUTH_SECRET (collab tokens are issued by the web app), its own
 * COLLAB_PORT. Browsers reach it through a load balancer that routes /collab here. With
 * REDIS_URL, several of these (and the web app's own) serve one document together.
 */
import { createServer } from "node:http";
import { ensureAuthSecret } from "../auth/secret";
import { disconnectDb, getDb } from "../db/client";
import { resolveDatabase } from "../db/resolve-database";
import { withSetupLock } from "../db/setup-lock";
import { prepareDatabase } from "../reference/prepare-database";
import { attachCollab } from "./attach";
import { createCollabServer, drainCollabServer } from "./server";
import { configOrExit } from "../config";

const { COLLAB_PORT: port, REDIS_URL, REDIS_PREFIX } = configOrExit();
const database = await resolveDatabase();
await withSetupLock(database, () => prepareDatabase(database.url, getDb()));
await ensureAuthSecret();

const collab = createCollabServer({ name: `collab-${port}` });
const server = createServer((req, res) => {
  const healthy = req.url === "/health";
  res.writeHead(healthy ? 200 : 404, { "content-type": "application/json" });
  res.end(
    JSON.stringify(
      healthy
        ? { status: "ok", documents: collab.getDocumentsCount(), connections: collab.getConnectionsCount() }
        : { error: "not found" },
    ),
  );
});
attachCollab(server, collab);
const shared = REDIS_URL ? `, documents shared through Redis (prefix ${REDIS_PREFIX})` : "";
server.listen(port, () =>
  console.log(
    `Chung Tay collaboration server on ws://localhost:${port}/collab (data: ${database.description}${shared})`,
  ),
);

async function shutdown() {
  server.close();
  await drainCollabServer(collab);
  await disconnectDb();
  await database.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
