import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { signedInRequest } from "../e2e/support/collab-client";
import { startServerProcess } from "../e2e/support/server-process";
import { getDb } from "../server/db/client";
import { type BenchRow, percentiles } from "./stats";

/** The same Chromium and flags as the browser tests (playwright.config.ts). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
const JS_BUDGET_KB = 250;
const LOAD_BUDGET_MS = 1000;

/**
 * The plan page of the production build as a planner opens it: the real server (the built
 * `.next`) on the bench's fresh database, seeded with the demo province, signed in through
 * next-auth, and Debian's Chromium with an empty cache for every load. Sums the gzipped size of
 * every script the page loads and times navigation start → load event and → editor ready
 * (connected, editable, the document's text shown).
 */
export async function benchPlanPage(port = 3301, coldLoads = 9): Promise<BenchRow[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "chungtay-bench-page-"));
  const server = await startServerProcess(port, {
    DATABASE_URL: process.env.DATABASE_URL!,
    CHUNGTAY_DATA_DIR: dataDir,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    // A commune's draft plan with a first text, opened by its planner: the editable editor.
    const plan = await getDb().plan.findFirstOrThrow({
      where: { status: "draft", issuingUnit: { code: "03274" }, document: { isNot: null } },
      select: { id: true },
    });
    const session = await signedInRequest(server.baseURL, "canbo.xa@chungtay.vn");
    const storageState = await session.storageState();
    await session.dispose();
    const url = `${server.baseURL}/plans/${plan.id}`;

    const loads: {
      load: number;
      ready: number;
      steps: Record<string, number>;
      scripts: Map<string, Buffer>;
      html: string;
    }[] = [];
    // The first load warms the server (route modules, database pool); it is not counted.
    for (let i = 0; i <= coldLoads; i++) {
      const context = await browser.newContext({ storageState, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
      const page = await context.newPage();
      const scripts = new Map<string, Buffer>();
      const bodies: Promise<void>[] = [];
      page.on("response", (response) => {
        if (response.request().resourceType() !== "script") return;
        bodies.push(
          response.body().then(
            (body) => void scripts.set(response.url(), body),
            () => undefined,
          ),
        );
      });
      const html = await (await page.goto(url, { waitUntil: "load" }))!.text();
      await page
        .waitForFunction(
          () => {
            const editor = document.querySelector('[data-testid="plan-document"]');
            const state = document.querySelector('[data-testid="connection-state"]')?.getAttribute("data-state");
            return (
              editor?.getAttribute("contenteditable") === "true" &&
              state === "connected" &&
              (editor.textContent ?? "").trim().length > 0
            );
          },
          undefined,
          { timeout: 30_000, polling: "raf" },
        )
        .catch(async (error: Error) => {
          const state = await page.evaluate(() => ({
            connection: document.querySelector('[data-testid="connection-state"]')?.getAttribute("data-state"),
            editable: document.querySelector('[data-testid="plan-document"]')?.getAttribute("contenteditable"),
            text: document.querySelector("main")?.textContent?.slice(0, 300),
          }));
          throw new Error(`the editor was not ready: ${JSON.stringify(state)}\n${server.output().slice(-2000)}`, {
            cause: error,
          });
        });
      const ready = await page.evaluate(() => performance.now());
      const { load, steps } = await page.evaluate(() => {
        const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
        const lastScript = Math.max(...resources.filter((r) => r.initiatorType === "script").map((r) => r.responseEnd));
        const token = resources.find((r) => r.name.endsWith("/api/collab/token"));
        return {
          load: navigation.loadEventEnd,
          steps: {
            firstByte: navigation.responseStart,
            domContentLoaded: navigation.domContentLoadedEventEnd,
            lastScriptLoaded: lastScript,
            collabTokenAnswered: token?.responseEnd ?? NaN,
          },
        };
      });
      await Promise.all(bodies);
      if (i > 0) loads.push({ load, ready, steps, scripts, html });
      await context.close();
    }

    // First-load JS: the scripts the HTML names (its script tags and the first render's chunk
    // lists), as Next's "First Load JS" counts them; the rest is loaded later by the page itself.
    const { scripts, html } = loads[0]!;
    const gzipped = [...scripts]
      .map(([href, body]) => ({
        name: href.replace(server.baseURL, ""),
        raw: body.length,
        gzip: gzipSync(body).length,
      }))
      .map((s) => ({ ...s, firstLoad: html.includes(s.name) }))
      .sort((a, b) => b.gzip - a.gzip);
    const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
    const firstLoad = gzipped.filter((s) => s.firstLoad);
    const jsKb = kb(firstLoad.reduce((sum, s) => sum + s.gzip, 0));
    const allKb = kb(gzipped.reduce((sum, s) => sum + s.gzip, 0));
    const rawKb = kb(firstLoad.reduce((sum, s) => sum + s.raw, 0));
    const load = percentiles(loads.map((l) => l.load));
    const ready = percentiles(loads.map((l) => l.ready));
    return [
      {
        what: "plan page: JavaScript",
        load: "production build, one plan page",
        goal: `JS ≤ ${JS_BUDGET_KB} kB gzipped`,
        result: `first load ${jsKb} kB gzipped (${rawKb} kB raw, ${firstLoad.length} scripts); ${allKb} kB with what loads after it (the editor)`,
        met: jsKb <= JS_BUDGET_KB,
        figures: { firstLoadGzipKb: jsKb, firstLoadRawKb: rawKb, allGzipKb: allKb, scripts: gzipped },
      },
      {
        what: "plan page: first load",
        load: `${coldLoads} cold loads on loopback, Chromium`,
        goal: `first load ≤ ${LOAD_BUDGET_MS} ms`,
        result: `load event p50 ${load.p50} · p95 ${load.p95} ms; editor ready p50 ${ready.p50} · p95 ${ready.p95} ms`,
        met: load.p95 <= LOAD_BUDGET_MS && ready.p95 <= LOAD_BUDGET_MS,
        figures: {
          loadEvent: load,
          editorReady: ready,
          steps: Object.fromEntries(
            Object.keys(loads[0]!.steps).map((step) => [step, percentiles(loads.map((l) => l.steps[step]!)).p50]),
          ),
        },
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
