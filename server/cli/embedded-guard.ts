import path from "node:path";
import { processesUsingDirectory } from "../db/embedded-in-use";
import { CliError } from "./cli-error";
import { config } from "../config";
import { say } from "./messages";

/**
 * Refuses to open the embedded database while another process (the app) has it open: PGlite
 * takes no lock of its own, and two processes writing its files corrupt them. A no-op with
 * DATABASE_URL, where PostgreSQL serves any number of processes.
 */
export async function assertEmbeddedDatabaseFree() {
  const { DATABASE_URL, dataDir } = config();
  if (DATABASE_URL) return;
  const dir = path.join(dataDir, "pglite"); // where resolveDatabase() keeps it
  const pids = await processesUsingDirectory(dir);
  if (pids.length) {
    throw new CliError(say("cli.embeddedInUse", { dir, pids: pids.join(", ") }));
  }
}
