/**
 * `npm run bench`: starts what it measures on loopback against a fresh database (the local
 * PostgreSQL of TEST_DATABASE_URL/DATABASE_URL, else an embedded one), drives it with its own
 * clients, and writes bench/results/latest.json and latest.md, and its table to
 * bench/results/YYYY-MM-DD.md (a full run) or YYYY-MM-DD-<steps>.md, committed so the history shows.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import { disconnectDb, getDb } from "../server/db/client";
import { createTestDatabase } from "../tests/test-database";
import { benchCollabThroughput } from "./collab-throughput";
import { benchCrashLoop } from "./crash-loop";
import { benchKeystrokeLatency } from "./keystroke-latency";
import { benchNationalRollup } from "./national-rollup";
import { benchPlanList } from "./plan-list";
import { benchPlanPage } from "./plan-page";
import { benchRollup } from "./rollup";
import { benchSoak } from "./soak";
import { benchSocketsMemory } from "./sockets-memory";
import type { BenchRow } from "./stats";

const database = await createTestDatabase("chungtay_bench");
process.env.DATABASE_URL = database.url;
if (database.embedded) process.env.CHUNGTAY_EMBEDDED_DB = "1";
process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");

// `npm run bench -- rollup planList` runs only the named steps.
const steps: Record<string, () => Promise<BenchRow[]>> = {
  keystroke: () => benchKeystrokeLatency(),
  collabThroughput: () => benchCollabThroughput(),
  socketsMemory: () => benchSocketsMemory(),
  rollup: async () => [await benchRollup()],
  nationalRollup: () => benchNationalRollup(),
  planList: () => benchPlanList(),
  planPage: () => benchPlanPage(),
  crashLoop: () => benchCrashLoop(),
  soak: () => benchSoak(),
};
/** What the figures were measured with: the runtime, the database and the servers compared. */
const versions: Record<string, string> = { Node: process.version };
for (const name of ["@hocuspocus/server", "@y/websocket-server", "yjs", "next", "@prisma/client"]) {
  versions[name] = (
    JSON.parse(await readFile(`node_modules/${name}/package.json`, "utf8")) as { version: string }
  ).version;
}
const chosen = process.argv.slice(2).filter((name) => name in steps);
const rows: BenchRow[] = [];
try {
  for (const step of (chosen.length ? chosen : Object.keys(steps)).map((name) => steps[name]!)) {
    const result = await step();
    for (const row of result)
      console.log(
        `${row.what} · ${row.load}: ${row.result} (${row.goal}${row.met ? ", met" : row.met === false ? ", MISSED" : ""})`,
      );
    rows.push(...result);
  }
  versions.database = database.embedded
    ? "PGlite"
    : `PostgreSQL ${(await getDb().$queryRawUnsafe<{ server_version: string }[]>("SHOW server_version"))[0]!.server_version}`;
} finally {
  await disconnectDb();
  await database.drop();
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB`;
const versionLine = Object.entries(versions)
  .map(([name, version]) => `${name} ${version}`)
  .join(", ");
await mkdir("bench/results", { recursive: true });
await writeFile(
  "bench/results/latest.json",
  `${JSON.stringify({ at: new Date().toISOString(), machine, versions, rows }, null, 2)}\n`,
);
const table = [
  "| what | load | goal | result | met |",
  "| --- | --- | --- | --- | --- |",
  ...rows.map(
    (r) => `| ${r.what} | ${r.load} | ${r.goal} | ${r.result} | ${r.met === null ? "—" : r.met ? "yes" : "no"} |`,
  ),
];
const report = `# Benchmark\n\n${machine}, ${new Date().toISOString()}\n\n${versionLine}\n\n${table.join("\n")}\n`;
await writeFile("bench/results/latest.md", report);
// A second run of the same steps on the same day gets a file of its own ("…-2.md"): the history keeps both.
const name = [new Date().toISOString().slice(0, 10), ...chosen].join("-");
for (let n = 1; ; n++) {
  try {
    await writeFile(`bench/results/${n === 1 ? name : `${name}-${n}`}.md`, report, { flag: "wx" });
    break;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}
console.log(`\n${table.join("\n")}`);
process.exit(0);
