// `npm start` builds the app first when there is no production build yet, or when the
// sources changed since the last one, so that `npm install && npm start` is all it takes.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const buildId = ".next/BUILD_ID";
const sources = [
  "app",
  "components",
  "server",
  "lib",
  "messages",
  "i18n",
  "prisma",
  "next.config.ts",
  "proxy.ts",
  "package-lock.json",
];

function newestChange(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry)
    .filter((name) => name !== "generated")
    .reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stat.mtimeMs);
}

const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
if (builtAt < Math.max(...sources.map(newestChange))) {
  console.log(builtAt ? "Sources changed: rebuilding…" : "First start: building the app (a few minutes)…");
  execFileSync("npm", ["run", "build"], { stdio: "inherit" });
}
