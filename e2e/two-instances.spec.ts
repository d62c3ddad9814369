import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createTestDatabase, type TestDatabase } from "../tests/test-database";
import { accounts, signIn } from "./fixtures";
import {
  collabToken,
  createCommunePlan,
  openTestEditor,
  signedInRequest,
  trpcMutation,
  trpcQuery,
  type TestEditor,
} from "./support/collab-client";
import { startFailoverProxy } from "./support/failover-proxy";
import { holdDocumentWrites } from "./support/hold-document-writes";
import { type ServerProcess, startServerProcess } from "./support/server-process";

/**
 * Two app processes on one PostgreSQL database and one Redis, as behind a load balancer:
 * documents are shared through Redis, structured data and rights changes through PostgreSQL
 * NOTIFY, and an instance killed with SIGKILL takes no acknowledged edit with it.
 */
const PORT_A = 3310;
const PORT_B = 3311;
const PORT_PROXY = 3312;
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";

// Several instances need a database server they share (the embedded one serves one process), so
// this file is defined where one is configured, as CI does, rather than skipped elsewhere.
if (process.env.TEST_DATABASE_URL) {
  test.describe.configure({ mode: "serial" });

  let db: TestDatabase;
  let a: ServerProcess | null = null;
  let b: ServerProcess | null = null;
  const envOf: Record<"a" | "b", Record<string, string>> = { a: {}, b: {} };
  const editors: TestEditor[] = [];
  const contexts: APIRequestContext[] = [];
  let plannerOnA: APIRequestContext;
  let planId: string;

  /** A Node editor signed in as the commune planner, whose token comes from `tokenFrom`. */
  async function editor(url: string, plan: string, tokenFrom: APIRequestContext): Promise<TestEditor> {
    const opened = openTestEditor(url, plan, await collabToken(tokenFrom));
    editors.push(opened);
    await opened.authenticated;
    return opened;
  }

  async function signedIn(baseURL: string, email: string) {
    const context = await signedInRequest(baseURL, email);
    contexts.push(context);
    return context;
  }

  /** Fails early and clearly when no Redis answers (`bash .ci/run` starts one). */
  async function expectRedis(url: string) {
    const { hostname, port } = new URL(url);
    const answer = await new Promise<string>((resolve) => {
      const socket = net.connect({ host: hostname, port: Number(port || 6379) }, () => socket.write("PING\r\n"));
      socket.once("data", (data) => (resolve(data.toString()), socket.destroy()));
      socket.once("error", (error) => resolve(error.message));
    });
    expect(answer, `Redis at ${url}`).toContain("PONG");
  }

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    await expectRedis(REDIS_URL);
    db = await createTestDatabase("chungtay_two");
    const shared = {
      DATABASE_URL: db.url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      REDIS_URL,
      REDIS_PREFIX: `chungtay-e2e-${randomBytes(4).toString("hex")}`,
      CHUNGTAY_EMBEDDED_DB: "",
    };
    // Own data folders: what the instances share is the configuration, not files. Each names
    // its database sessions, so that the test can tell them apart.
    for (const name of ["a", "b"] as const) {
      const url = new URL(db.url);
      url.searchParams.set("application_name", `chungtay-${name}`);
      envOf[name] = {
        ...shared,
        DATABASE_URL: url.toString(),
        CHUNGTAY_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), `chungtay-two-${name}-`)),
      };
    }
    // The first instance migrates and seeds; the second finds it done.
    a = await startServerProcess(PORT_A, envOf.a);
    b = await startServerProcess(PORT_B, envOf.b);
    plannerOnA = await signedIn(a.baseURL, accounts.communePlanner);
    planId = await createCommunePlan(plannerOnA, "Kế hoạch soạn chung trên hai máy chủ");
  });

  test.afterAll(async () => {
    for (const opened of editors) opened.close();
    // The servers and the database go first: nothing that fails after may leave them behind.
    try {
      await Promise.all([a?.stop(), b?.stop()]);
    } finally {
      await db?.drop();
      await Promise.allSettled(contexts.map((context) => context.dispose()));
    }
  });

  test("users on A and on B co-edit one plan and converge", async () => {
    const plannerOnB = await signedIn(b!.baseURL, accounts.communePlanner);
    const onA = await editor(a!.baseURL, planId, plannerOnA);
    const onB = await editor(b!.baseURL, planId, plannerOnB);
    onA.type("[A mở đầu]");
    await expect.poll(() => onB.text()).toContain("[A mở đầu]");
    // Both at once, then each waits for its own instance to say it is stored.
    for (let i = 0; i < 5; i++) {
      onA.type(`[A ${i}]`);
      onB.type(`[B ${i}]`);
    }
    const typed = [0, 1, 2, 3, 4].flatMap((i) => [`[A ${i}]`, `[B ${i}]`]);
    await expect
      .poll(() => onA.text() === onB.text() && typed.every((edit) => onA.text().includes(edit)), {
        message: "both documents hold every edit",
      })
      .toBe(true);
    await Promise.all([onA.saved(), onB.saved()]);
    onA.close();
  });

  test("a milestone changed through A appears live on B's open page", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: b!.baseURL });
    const page = await context.newPage();
    await signIn(page, accounts.communePlanner);
    // The page's live stream (server-sent events from B) must be open before A changes anything.
    const live = page.waitForResponse((response) => response.url().includes("/api/trpc/live.plan"));
    await page.goto(`/plans/${planId}?tab=milestones`);
    expect((await live).ok()).toBe(true);
    await expect(page.getByTestId("milestones-tab")).toBeVisible();
    await expect(page.getByTestId("milestone")).toHaveCount(0);

    const options = await trpcQuery<{ units: { id: string; name: string }[] }>(
      plannerOnA,
      "plans.formOptions",
      undefined,
    );
    const title = "Kiên cố hoá 4 phòng học điểm trường Pú Nhung";
    const milestone = await trpcMutation<{ id: string }>(plannerOnA, "milestones.create", {
      planId,
      title,
      ownerUnitId: options.units.find((u) => u.name === "Xã Quài Nưa")!.id,
      startOn: "2025-03-01",
      dueOn: "2025-09-30",
      targetIds: [],
      shortageIds: [],
    });
    const card = page.getByTestId("milestone");
    await expect(card).toContainText(title);
    const status = card.getByLabel("Trạng thái");
    await expect(status).toHaveValue("planned");
    await trpcMutation(plannerOnA, "milestones.setStatus", { id: milestone.id, status: "in_progress" });
    await expect(status).toHaveValue("in_progress");
    await context.close();
  });

  test("rights changed through A are re-checked on B's open connections", async () => {
    const otherPlan = await createCommunePlan(plannerOnA, "Kế hoạch nộp duyệt khi đang soạn trên máy chủ B");
    const plannerOnB = await signedIn(b!.baseURL, accounts.communePlanner);
    const onB = openTestEditor(b!.baseURL, otherPlan, () => collabToken(plannerOnB));
    editors.push(onB);
    const scopes: string[] = [];
    onB.provider.on("authenticated", ({ scope }: { scope: string }) => scopes.push(scope));
    expect(await onB.authenticated).toBe("read-write");
    // Submitted, the plan is read-only for its planner; B hears it from A and reconnects them.
    await trpcMutation(plannerOnA, "workflow.submit", { id: otherPlan });
    await expect.poll(() => scopes.at(-1), { timeout: 5000 }).toBe("readonly");
  });

  test("killing A with SIGKILL loses no acknowledged edit, and A's users continue on B", async () => {
    test.setTimeout(180_000);
    const proxy = await startFailoverProxy(PORT_PROXY, [PORT_A, PORT_B]);
    try {
      const plannerOnB = await signedIn(b!.baseURL, accounts.communePlanner);
      const onB = await editor(b!.baseURL, planId, plannerOnB);
      // The token was issued by A; B accepts it after the failover because AUTH_SECRET is shared.
      const behindProxy = await editor(`http://127.0.0.1:${proxy.port}`, planId, plannerOnA);
      expect(proxy.routed).toEqual([PORT_A]);

      const acknowledged: string[] = [];
      for (let i = 0; i < 5; i++) {
        const edit = `[qua A ${i}]`;
        behindProxy.type(edit);
        await behindProxy.saved();
        acknowledged.push(edit);
      }
      // The riskiest moment: A has received an edit and forwarded it to B through Redis, but its
      // write has not reached the database when it dies.
      const held = await holdDocumentWrites(db.url);
      const forwarded = "[gõ ngay trước sự cố]";
      try {
        behindProxy.type(forwarded);
        await expect.poll(() => onB.text()).toContain(forwarded);
        await expect.poll(() => held.waiting("chungtay-a")).toBeGreaterThan(0);
        await a!.crash();
        a = null;
        await held.dropWaiting("chungtay-a");
      } finally {
        await held.release();
      }

      // The provider reconnects by itself; the proxy sends the new socket to B.
      await expect.poll(() => proxy.routed.at(-1), { timeout: 15_000 }).toBe(PORT_B);
      for (let i = 0; i < 3; i++) {
        const edit = `[sau sự cố ${i}]`;
        behindProxy.type(edit);
        // Everything this editor holds, the edit typed before the crash included, is stored by B.
        await behindProxy.saved(20_000);
        acknowledged.push(edit);
      }
      acknowledged.push(forwarded);
      await expect
        .poll(() => acknowledged.filter((edit) => !onB.text().includes(edit)), { message: "B's user sees every edit" })
        .toEqual([]);
      onB.type("[B trả lời]");
      await expect.poll(() => behindProxy.text()).toContain("[B trả lời]");
      await onB.saved();
      acknowledged.push("[B trả lời]");

      // Only the database is left once the editors are gone and B is killed too: a fresh B must
      // serve every acknowledged edit.
      for (const opened of editors.splice(0)) opened.close();
      await b!.crash();
      b = await startServerProcess(PORT_B, envOf.b);
      const plannerOnNewB = await signedIn(b.baseURL, accounts.communePlanner);
      const fresh = await editor(b.baseURL, planId, plannerOnNewB);
      await expect
        .poll(() => acknowledged.filter((edit) => !fresh.text().includes(edit)), { message: "stored edits" })
        .toEqual([]);
      expect(fresh.text()).toContain("[A mở đầu]");
    } finally {
      await proxy.close();
    }
  });
}
