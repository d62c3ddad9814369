/**
 * `npx tsx bench/profile-summary.ts <file.cpuprofile> [top]`: where a V8 CPU profile's time
 * went, by self time: per package (node_modules/<name>), Next's bundled chunks, Node's own
 * modules, garbage collection and idle; then the busiest functions. For the server profiles
 * the benches write with BENCH_SERVER_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=…".
 */
import { readFile } from "node:fs/promises";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, top = "15"] = process.argv.slice(2);
if (!file) throw new Error("usage: tsx bench/profile-summary.ts <file.cpuprofile> [top]");
const profile = JSON.parse(await readFile(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMs = new Map<number, number>();
profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));

/** The part of the program a frame belongs to. */
function areaOf({ functionName, url }: ProfileNode["callFrame"]): string {
  if (!url) return `(${functionName || "native"})`.replace(/^\(\((.*)\)\)$/, "($1)");
  if (url.startsWith("node:")) return "node internals";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.includes("/.next/")) return "Next bundle (app code, next, next-auth, tRPC)";
  return url.replace(/^file:\/\/[^]*?\/(server|lib|bench)\//, "$1/");
}

const areas = new Map<string, number>();
const functions = new Map<string, number>();
for (const [id, ms] of selfMs) {
  const frame = byId.get(id)!.callFrame;
  const area = areaOf(frame);
  areas.set(area, (areas.get(area) ?? 0) + ms);
  const name = `${frame.functionName || "(anonymous)"} · ${area}`;
  functions.set(name, (functions.get(name) ?? 0) + ms);
}
const total = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);
const busy = total - (areas.get("(idle)") ?? 0);
const print = (title: string, rows: Map<string, number>, limit: number) => {
  console.log(`\n${title}`);
  for (const [name, ms] of [...rows].sort((a, b) => b[1] - a[1]).slice(0, limit))
    console.log(`${ms.toFixed(0).padStart(8)} ms ${((ms / busy) * 100).toFixed(1).padStart(5)}%  ${name}`);
};
console.log(`${file}: ${total.toFixed(0)} ms sampled, ${busy.toFixed(0)} ms busy (percentages of busy time)`);
print("By area (self time)", areas, 20);
print("Busiest functions (self time)", functions, Number(top));
