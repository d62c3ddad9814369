import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createTestDatabase } from "../tests/test-database";
import { accounts } from "./fixtures";
import { collabToken, createCommunePlan, openTestEditor, signedInRequest } from "./support/collab-client";
import { startServerProcess } from "./support/server-process";

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 3);

/**
 * Writes until the server says saved, kills it with SIGKILL, restarts it, and checks that every
 * saved edit is there, several times, on the embedded database and (with TEST_DATABASE_URL)
 * on PostgreSQL.
 */
const databases = process.env.TEST_DATABASE_URL ? (["embedded", "postgresql"] as const) : (["embedded"] as const);

for (const database of databases) {
  test(`no saved edit is lost when the server is killed (${database})`, async () => {
    test.setTimeout(120_000 + ROUNDS * 60_000);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "chungtay-crash-"));
    const db = database === "postgresql" ? await createTestDatabase("chungtay_crash") : null;
    const env = { DATABASE_URL: db?.url ?? "", CHUNGTAY_DATA_DIR: dataDir, CHUNGTAY_EMBEDDED_DB: "" };
    const port = database === "embedded" ? 3241 : 3242;
    const saved: string[] = [];
    let planId = "";
    try {
      for (let round = 0; round <= ROUNDS; round++) {
        const server = await startServerProcess(port, env);
        const context = await signedInRequest(server.baseURL, accounts.communePlanner);
        planId ||= await createCommunePlan(context, "Kế hoạch kiểm thử sự cố máy chủ");
        const editor = openTestEditor(server.baseURL, planId, await collabToken(context));
        await editor.authenticated;
        await expect.poll(() => saved.every((edit) => editor.text().includes(edit)), { message: `round ${round}: saved edits present` }).toBe(true);
        if (round < ROUNDS) {
          for (let i = 0; i < 5; i++) {
            const edit = `[vòng ${round} sửa ${i}]`;
            editor.type(edit);
            await editor.saved();
            saved.push(edit);
          }
          editor.type("[có thể chưa lưu]");
          await server.crash();
        } else {
          await server.stop();
        }
        editor.close();
        await context.dispose();
      }
      expect(saved).toHaveLength(ROUNDS * 5);
    } finally {
      await db?.drop();
    }
  });
}
