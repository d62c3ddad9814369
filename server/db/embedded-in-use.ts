import { readdir, readlink } from "node:fs/promises";
import path from "node:path";

/**
 * Ids of other processes with files open inside `dir`. PGlite takes no lock on its data
 * directory: a second process opening it while the app runs would read a half-written state
 * or corrupt it. So before a command opens the embedded database we look, as `fuser` does,
 * through /proc for processes holding its files. Where /proc does not exist (macOS,
 * Windows) or a process belongs to another user, nothing is found: a best effort, not a lock.
 */
export async function processesUsingDirectory(dir: string): Promise<number[]> {
  const root = path.resolve(dir) + path.sep;
  const pids = (await readdir("/proc").catch(() => [] as string[])).filter(
    (name) => /^\d+$/.test(name) && Number(name) !== process.pid,
  );
  const users: number[] = [];
  for (const pid of pids) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => "");
      if (target.startsWith(root)) {
        users.push(Number(pid));
        break;
      }
    }
  }
  return users;
}
